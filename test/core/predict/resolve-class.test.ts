import { describe, expect, it } from 'vitest';
import { resolveClass } from '../../../core/predict/resolve-class.ts';
import { modelInfo } from '../../../models/registry.ts';

const info = modelInfo('squeezenet1_1');

describe('resolveClass on the ImageNet names', () => {
  it('tells the corgi "Cardigan" from the sweater "cardigan" by case, and calls other casings ambiguous', () => {
    expect(resolveClass(info, 'cardigan')).toEqual({ index: 474, name: 'cardigan' });
    expect(resolveClass(info, 'Cardigan')).toEqual({ index: 264, name: 'Cardigan' });
    expect(() => resolveClass(info, 'CARDIGAN')).toThrow(expect.objectContaining({ code: 'class/ambiguous' }));
  });

  it('matches a whole name in any case, then a unique part of one', () => {
    expect(resolveClass(info, 'HAY')).toEqual({ index: 958, name: 'hay' });
    expect(resolveClass(info, ' sports car ')).toEqual({ index: 817, name: 'sports car' });
    expect(resolveClass(info, 'tarant').index).toBe(76);
    expect(() => resolveClass(info, 'dog')).toThrow(expect.objectContaining({ code: 'class/ambiguous' }));
  });

  it('takes indices as numbers or digit strings and refuses NaN instead of reading it as a name ("banana")', () => {
    expect(resolveClass(info, 6)).toEqual({ index: 6, name: 'stingray' });
    expect(resolveClass(info, ' 6 ')).toEqual({ index: 6, name: 'stingray' });
    for (const bad of [Number.NaN, 2.5, -1, 1000]) {
      expect(() => resolveClass(info, bad)).toThrow(expect.objectContaining({ code: 'class/unknown' }));
    }
  });

  it('says a name that is not in the list is unknown, with the index range in the hint', () => {
    expect(() => resolveClass(info, 'tabby, tabby cat')).toThrow(expect.objectContaining({ code: 'class/unknown', hint: expect.stringContaining('0–999') }));
  });
});

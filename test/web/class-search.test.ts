import { describe, expect, it } from 'vitest';
import { IMAGENET_CLASSES } from '../../models/imagenet-classes.ts';
import { searchClasses } from '../../web/src/lib/class-search.ts';

describe('searchClasses', () => {
  it('finds a class by index', () => {
    expect(searchClasses(IMAGENET_CLASSES, '958')).toEqual([{ index: 958, name: 'hay' }]);
    expect(searchClasses(IMAGENET_CLASSES, '1000')).toEqual([]);
  });

  it('ranks an exact name before names that merely contain it', () => {
    const found = searchClasses(IMAGENET_CLASSES, 'hay');
    expect(found[0]).toEqual({ index: 958, name: 'hay' });
  });

  it('ranks word starts before inner matches and respects the limit', () => {
    const names = ['bobcat', 'wild cat', 'cat food', 'cat', 'dog'];
    expect(searchClasses(names, 'Cat').map((o) => o.name)).toEqual(['cat', 'cat food', 'wild cat', 'bobcat']);
    const found = searchClasses(IMAGENET_CLASSES, 'terrier', 3);
    expect(found).toHaveLength(3);
    for (const option of found) expect(option.name.toLowerCase()).toContain('terrier');
  });

  it('lists the first classes for an empty query', () => {
    expect(searchClasses(IMAGENET_CLASSES, '  ', 2)).toEqual([
      { index: 0, name: 'tench' },
      { index: 1, name: 'goldfish' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { SHARE_CARD_COLORS, comparisonSheet, comparisonSheetLayout } from '../../../core/render/index.ts';
import type { RgbImage } from '../../../core/types.ts';

const solid = (size: number, value: number): RgbImage => ({ width: size, height: size, data: new Uint8Array(size * size * 3).fill(value) });

describe('comparisonSheet', () => {
  it('lays out one column per model, as wide as the largest input, smaller inputs centred', () => {
    const layout = comparisonSheetLayout([224, 227]);
    const [a, b] = layout.columns;
    expect(b.title.x - a.title.x).toBe(227 + 16);
    expect(a.input).toMatchObject({ x: a.title.x + 1, width: 224, height: 224 });
    expect(b.input).toMatchObject({ x: b.title.x, width: 227, height: 227 });
    expect(a.picture.y).toBe(b.picture.y);
    expect(a.picture.y).toBeGreaterThanOrEqual(a.input.y + 227);
    expect(layout.width).toBe(b.input.x + 227 + 16);
    expect(layout.height).toBe(b.picture.y + 227 + 16);
    expect(a.caption.y).toBeGreaterThanOrEqual(a.title.y + a.title.height);
    expect(a.input.y).toBeGreaterThanOrEqual(a.caption.y + a.caption.height);
  });

  it('copies each input and picture pixel for pixel, on the dark background, with the texts drawn', () => {
    const sheet = comparisonSheet([
      { title: 'SqueezeNet 1.1', caption: 'hay 99.1%', input: solid(4, 10), picture: solid(4, 20) },
      { title: 'SqueezeNet 1.0', caption: 'a very long class name that has to wrap onto a second line', input: solid(6, 30), picture: solid(6, 40) },
    ]);
    const layout = comparisonSheetLayout([4, 6]);
    const pixel = (x: number, y: number) => Array.from(sheet.data.subarray((y * sheet.width + x) * 3, (y * sheet.width + x) * 3 + 3));
    expect([sheet.width, sheet.height]).toEqual([layout.width, layout.height]);
    const [a, b] = layout.columns;
    expect(pixel(a.input.x, a.input.y)).toEqual([10, 10, 10]);
    expect(pixel(a.picture.x + 3, a.picture.y + 3)).toEqual([20, 20, 20]);
    expect(pixel(b.input.x + 5, b.input.y + 5)).toEqual([30, 30, 30]);
    expect(pixel(b.picture.x, b.picture.y)).toEqual([40, 40, 40]);
    expect(pixel(0, sheet.height - 1)).toEqual([...SHARE_CARD_COLORS.background]);
    const title = sheet.data.subarray(a.title.y * sheet.width * 3, (a.title.y + a.title.height) * sheet.width * 3);
    expect(title.some((v, i) => v !== SHARE_CARD_COLORS.background[i % 3])).toBe(true);
  });

  it('refuses an image that is not square at its column’s size', () => {
    expect(() => comparisonSheet([{ title: 'x', caption: 'y', input: solid(4, 0), picture: solid(5, 0) }])).toThrow(/does not fill/);
  });
});

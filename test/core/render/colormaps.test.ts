import { describe, expect, it } from 'vitest';
import { colormap, colormapTable } from '../../../core/render/index.ts';

describe('colormap', () => {
  it("'hot' runs black → red → yellow → white at matplotlib's breakpoints", () => {
    // matplotlib's hot starts at red 0.0416 (10.6 of 255), not exactly black.
    expect(colormap('hot', 0)).toEqual([11, 0, 0]);
    expect(colormap('hot', 0.365079)).toEqual([255, 0, 0]);
    expect(colormap('hot', 0.746032)).toEqual([255, 255, 0]);
    expect(colormap('hot', 1)).toEqual([255, 255, 255]);
    // Halfway between the yellow and white breakpoints, blue is half up.
    expect(colormap('hot', (0.746032 + 1) / 2)).toEqual([255, 255, 128]);
  });

  it("'viridis' matches matplotlib at its ends and middle", () => {
    expect(colormap('viridis', 0)).toEqual([68, 1, 84]); // #440154
    expect(colormap('viridis', 1)).toEqual([253, 231, 37]); // #fde725
    // matplotlib viridis(0.5) = (0.127568, 0.566949, 0.550556) = (32.5, 144.6, 140.4) of 255
    const middle = colormap('viridis', 0.5);
    [33, 145, 140].forEach((channel, i) => expect(Math.abs(middle[i] - channel)).toBeLessThanOrEqual(1));
  });

  it("'gray' is linear", () => {
    expect(colormap('gray', 0)).toEqual([0, 0, 0]);
    expect(colormap('gray', 0.2)).toEqual([51, 51, 51]);
    expect(colormap('gray', 1)).toEqual([255, 255, 255]);
  });

  it('clamps t outside [0, 1] and reads NaN as 0', () => {
    expect(colormap('gray', -3)).toEqual([0, 0, 0]);
    expect(colormap('gray', 7)).toEqual([255, 255, 255]);
    expect(colormap('gray', Number.NaN)).toEqual([0, 0, 0]);
  });

  it('makes a 256-color table', () => {
    const table = colormapTable('gray');
    expect(table).toHaveLength(768);
    expect(Array.from(table.subarray(100 * 3, 101 * 3))).toEqual([100, 100, 100]);
  });

  it('refuses an unknown name', () => {
    expect(() => colormap('jet' as 'hot', 0.5)).toThrow(expect.objectContaining({ code: 'options/invalid' }));
  });
});

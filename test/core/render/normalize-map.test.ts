import { describe, expect, it } from 'vitest';
import { normalizeMap, quantile } from '../../../core/render/index.ts';

const map = (values: number[], width = values.length, height = 1) => ({ width, height, data: new Float32Array(values) });

describe('quantile', () => {
  it('interpolates between ranks like numpy.quantile', () => {
    // numpy.quantile([1, 2, 3, 4], 0.5) = 2.5; ([10, 0, 20], 0.25) = 5
    expect(quantile(new Float32Array([4, 1, 3, 2]), 0.5)).toBe(2.5);
    expect(quantile(new Float32Array([10, 0, 20]), 0.25)).toBe(5);
    expect(quantile(new Float32Array([]), 0.5)).toBe(0);
  });
});

describe('normalizeMap', () => {
  it('keeps an all-zero map all zero, without NaN', () => {
    const normalized = normalizeMap(map([0, 0, 0, 0]));
    expect(Array.from(normalized.data)).toEqual([0, 0, 0, 0]);
  });

  it('scales by the max at clipPercentile 100', () => {
    expect(Array.from(normalizeMap(map([0, 1, 2, 4]), { clipPercentile: 100 }).data)).toEqual([0, 0.25, 0.5, 1]);
  });

  it('keeps one hot pixel from washing out the rest at the default 99.5th percentile', () => {
    // 999 pixels at 1 and one at 1000: the percentile is 1, so ordinary pixels stay bright.
    const values = new Array(1000).fill(1);
    values[500] = 1000;
    const clipped = normalizeMap(map(values));
    expect(clipped.data[0]).toBe(1);
    expect(clipped.data[500]).toBe(1);
    expect(normalizeMap(map(values), { clipPercentile: 100 }).data[0]).toBeCloseTo(0.001, 6);
  });

  it('scales 0..999 by its 99.5th percentile (994.005) and clips above it', () => {
    const normalized = normalizeMap(map(Array.from({ length: 1000 }, (_, i) => i)));
    expect(normalized.data[500]).toBeCloseTo(500 / 994.005, 6);
    expect(normalized.data[999]).toBe(1);
  });

  it('falls back to the max when the percentile is zero but some pixels are not', () => {
    const values = new Array(1000).fill(0);
    values[3] = 2;
    values[7] = 4;
    const normalized = normalizeMap(map(values));
    expect([normalized.data[3], normalized.data[7]]).toEqual([0.5, 1]);
  });

  it('keeps the size and refuses a percentile outside (0, 100]', () => {
    expect(normalizeMap(map([1, 2, 3, 4, 5, 6], 3, 2))).toMatchObject({ width: 3, height: 2 });
    for (const clipPercentile of [0, 101, Number.NaN]) {
      expect(() => normalizeMap(map([1]), { clipPercentile })).toThrow(expect.objectContaining({ code: 'options/invalid' }));
    }
  });
});

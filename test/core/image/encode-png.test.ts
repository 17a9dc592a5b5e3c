import { decode as decodeWithFastPng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { decodeImage, encodePng, flattenAlpha } from '../../../core/image/index.ts';

describe('encodePng', () => {
  it('writes 8-bit RGB that decodes to the same pixels', () => {
    const data = new Uint8Array(5 * 3 * 3).map((_, i) => (i * 37) % 256);
    const bytes = encodePng({ width: 5, height: 3, data });
    expect(decodeWithFastPng(bytes)).toMatchObject({ width: 5, height: 3, channels: 3, depth: 8, data });
    expect(decodeImage(bytes).data).toEqual(data);
  });

  it('writes 8-bit RGBA, keeping the alpha', () => {
    const data = new Uint8ClampedArray([255, 0, 0, 0, 0, 255, 0, 128, 1, 2, 3, 255, 9, 9, 9, 9]);
    const decoded = decodeWithFastPng(encodePng({ width: 2, height: 2, data }));
    expect(decoded.channels).toBe(4);
    expect(Array.from(decoded.data)).toEqual(Array.from(data));
  });

  it('refuses data whose length is neither RGB nor RGBA', () => {
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(10) })).toThrow(expect.objectContaining({ code: 'options/invalid' }));
  });
});

describe('flattenAlpha', () => {
  it('composites RGBA (as from a canvas) on white', () => {
    const flat = flattenAlpha({ width: 2, height: 1, data: new Uint8ClampedArray([0, 0, 0, 0, 200, 100, 0, 128]) });
    expect(Array.from(flat.data)).toEqual([255, 255, 255, 227, 177, 127]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImage, resizeImage } from '../../../core/image/index.ts';
import type { RgbImage } from '../../../core/types.ts';
import { sharedDir } from '../../helpers/shared-path.ts';

function solid(width: number, height: number, rgb: [number, number, number]): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(rgb, i * 3);
  return { width, height, data };
}

/** Black and white alternating every pixel: the worst case for aliasing. */
function checkerboard(size: number): RgbImage {
  const data = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) data.fill((x + y) % 2 ? 255 : 0, (y * size + x) * 3, (y * size + x) * 3 + 3);
  }
  return { width: size, height: size, data };
}

function meanOf(data: Uint8Array): number {
  return data.reduce((sum, value) => sum + value, 0) / data.length;
}

describe('resizeImage', () => {
  it('gives exactly the requested dimensions', () => {
    for (const [width, height] of [[224, 224], [224, 168], [1, 1], [7, 300], [500, 3]]) {
      const resized = resizeImage(solid(333, 250, [1, 2, 3]), width, height);
      expect([resized.width, resized.height, resized.data.length]).toEqual([width, height, width * height * 3]);
    }
  });

  it('keeps a constant image constant, shrinking and enlarging, borders included', () => {
    const color: [number, number, number] = [10, 200, 77];
    for (const [width, height] of [[5, 3], [224, 224], [400, 31]]) {
      const resized = resizeImage(solid(37, 23, color), width, height);
      expect(resized.data).toEqual(solid(width, height, color).data);
    }
  });

  it('antialiases: a 1-pixel checkerboard shrunk 3× becomes mid gray, not black and white', () => {
    // Each output center falls on one source pixel; point sampling or plain bilinear would return
    // that pixel (0 or 255). The widened triangle weighs 5 pixels a side 1, 2/3, 2/3, 1/3, 1/3 (÷ 3):
    // along one axis the alternating part keeps (1 − 4/3 + 2/3) / 3 = 1/9 of its amplitude, so in 2-D
    // 1/81: 127.5 ± 1.6 inside; at the borders the cut-off filter leans more.
    const resized = resizeImage(checkerboard(63), 21, 21);
    for (let y = 0; y < 21; y++) {
      for (let x = 0; x < 21; x++) {
        const value = resized.data[(y * 21 + x) * 3];
        const interior = x > 0 && x < 20 && y > 0 && y < 20;
        expect(Math.abs(value - 127.5)).toBeLessThanOrEqual(interior ? 2 : 30);
      }
    }
  });

  it('antialiases at a non-integer factor: a 1000-px checkerboard to 224 shows no moiré', () => {
    const resized = resizeImage(checkerboard(1000), 224, 224);
    for (let y = 1; y < 223; y++) {
      for (let x = 1; x < 223; x++) expect(Math.abs(resized.data[(y * 224 + x) * 3] - 127.5)).toBeLessThan(8);
    }
  });

  it('interpolates linearly when enlarging: [0, 255] to four pixels is [0, 64, 191, 255]', () => {
    // Output centers fall at source positions 0.25, 0.75, 1.25 and 1.75 (source centers at 0.5 and 1.5):
    // clamped, 1/4 of the way, 3/4 of the way, clamped.
    const resized = resizeImage({ width: 2, height: 1, data: new Uint8Array([0, 0, 0, 255, 255, 255]) }, 4, 1);
    expect(Array.from(resized.data.filter((_, i) => i % 3 === 0))).toEqual([0, 64, 191, 255]);
  });

  it('keeps the mean color of a real photo when halving it', () => {
    const photo = decodeImage(new Uint8Array(readFileSync(sharedDir('data', 'imagenet_val_25', '07_gorilla.png'))));
    const half = resizeImage(photo, 112, 112);
    expect(Math.abs(meanOf(half.data) - meanOf(photo.data))).toBeLessThan(0.5);
  });

  it('shrinks a large photo to 224×224 keeping its mean colour (speed is the benchmarks’ business, not a test’s)', () => {
    const large = resizeImage(decodeImage(new Uint8Array(readFileSync(sharedDir('data', 'imagenet_val_25', '11_lakeside.png')))), 2000, 1500);
    const small = resizeImage(large, 224, 224);
    expect([small.width, small.height, small.data.length]).toEqual([224, 224, 224 * 224 * 3]);
    expect(Math.abs(meanOf(small.data) - meanOf(large.data))).toBeLessThan(0.5);
  });

  it('returns a copy, not the same pixels, at the same size', () => {
    const image = solid(3, 2, [4, 5, 6]);
    const same = resizeImage(image, 3, 2);
    expect(same.data).toEqual(image.data);
    expect(same.data).not.toBe(image.data);
  });

  it('refuses sizes that are not positive integers', () => {
    for (const [width, height] of [[0, 10], [10, -1], [2.5, 3], [Number.NaN, 4]]) {
      expect(() => resizeImage(solid(4, 4, [0, 0, 0]), width, height)).toThrow(expect.objectContaining({ code: 'options/invalid' }));
    }
  });
});

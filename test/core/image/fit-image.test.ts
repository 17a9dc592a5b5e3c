import { describe, expect, it } from 'vitest';
import { fitImage } from '../../../core/image/index.ts';
import type { RgbImage } from '../../../core/types.ts';

/** An image whose red is its column and green its row, so crops can be located by their pixels. */
function coordinates(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([x, y, 0], (y * width + x) * 3);
  return { width, height, data };
}

/** Three equal bands along the long side: red, green, blue. */
function bands(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  const horizontal = width >= height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const band = Math.floor(((horizontal ? x : y) * 3) / (horizontal ? width : height));
      data[(y * width + x) * 3 + band] = 255;
    }
  }
  return { width, height, data };
}

function pixel(image: RgbImage, x: number, y: number): number[] {
  return Array.from(image.data.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3));
}

describe('fitImage', () => {
  it("center-crop takes the centred square of a wide image: columns 25–124 of a 150×100", () => {
    const fitted = fitImage(coordinates(150, 100), 100, 'center-crop');
    expect([fitted.width, fitted.height]).toEqual([100, 100]);
    expect(pixel(fitted, 0, 0)).toEqual([25, 0, 0]);
    expect(pixel(fitted, 99, 99)).toEqual([124, 99, 0]);
  });

  it('center-crop takes the centred square of a tall image: rows 30–69 of a 40×100', () => {
    const fitted = fitImage(coordinates(40, 100), 40, 'center-crop');
    expect(pixel(fitted, 0, 0)).toEqual([0, 30, 0]);
    expect(pixel(fitted, 39, 39)).toEqual([39, 69, 0]);
  });

  it('center-crop keeps only the middle band; squash keeps all three', () => {
    const wide = bands(300, 100);
    const cropped = fitImage(wide, 50, 'center-crop');
    for (let i = 0; i < cropped.data.length; i += 3) expect(Array.from(cropped.data.subarray(i, i + 3))).toEqual([0, 255, 0]);
    const squashed = fitImage(wide, 60, 'squash');
    expect([squashed.width, squashed.height]).toEqual([60, 60]);
    expect(pixel(squashed, 2, 30)).toEqual([255, 0, 0]);
    expect(pixel(squashed, 30, 30)).toEqual([0, 255, 0]);
    expect(pixel(squashed, 57, 30)).toEqual([0, 0, 255]);
  });

  it('squash is the default and ignores the aspect ratio', () => {
    const squashed = fitImage(bands(30, 90), 20);
    expect([squashed.width, squashed.height]).toEqual([20, 20]);
    expect(pixel(squashed, 10, 1)).toEqual([255, 0, 0]);
    expect(pixel(squashed, 10, 18)).toEqual([0, 0, 255]);
  });

  it('returns an image that is already size×size unchanged, in both modes', () => {
    const square = coordinates(224, 224);
    expect(fitImage(square, 224)).toBe(square);
    expect(fitImage(square, 224, 'center-crop')).toBe(square);
  });

  it('refuses a bad size or fit', () => {
    expect(() => fitImage(coordinates(4, 4), 0)).toThrow(expect.objectContaining({ code: 'options/invalid' }));
    expect(() => fitImage(coordinates(4, 4), 2, 'stretch' as 'squash')).toThrow(expect.objectContaining({ code: 'options/invalid' }));
  });
});

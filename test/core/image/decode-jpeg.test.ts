import { describe, expect, it } from 'vitest';
import { decodeImage, readImageHeader } from '../../../core/image/index.ts';
import type { RgbImage } from '../../../core/types.ts';
import { baselineJpeg, FIXTURE_HEIGHT, FIXTURE_WIDTH, fixtureGradient, jpegFixture, realPhotoJpeg } from './jpeg-fixtures.ts';

/** Largest and mean absolute difference from the expected colors at every pixel. */
function errorAgainst(image: RgbImage, expected: (x: number, y: number) => number[]): { max: number; mean: number } {
  let max = 0;
  let sum = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const want = expected(x, y);
      for (let channel = 0; channel < 3; channel++) {
        const error = Math.abs(image.data[(y * image.width + x) * 3 + channel] - want[channel]);
        max = Math.max(max, error);
        sum += error;
      }
    }
  }
  return { max, mean: sum / (image.width * image.height * 3) };
}

describe('decodeImage on JPEG', () => {
  it('decodes a baseline JPEG made by jpeg-js close to its source pixels', () => {
    const [width, height] = [37, 21];
    const source = new Uint8Array(width * height * 3);
    const color = (x: number, y: number) => [x * 6, y * 11, 200 - x * 2];
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) source.set(color(x, y), (y * width + x) * 3);
    const image = decodeImage(baselineJpeg(width, height, source));
    expect([image.width, image.height, image.data.length]).toEqual([width, height, width * height * 3]);
    const error = errorAgainst(image, color);
    expect(error.max).toBeLessThanOrEqual(12);
    expect(error.mean).toBeLessThan(2);
  });

  it('decodes the progressive fixture (SOF2) close to its synthetic gradient', () => {
    const bytes = jpegFixture('progressive');
    expect(bytes.some((byte, i) => byte === 0xff && bytes[i + 1] === 0xc2)).toBe(true);
    const image = decodeImage(bytes);
    expect([image.width, image.height]).toEqual([FIXTURE_WIDTH, FIXTURE_HEIGHT]);
    const error = errorAgainst(image, fixtureGradient);
    expect(error.max).toBeLessThanOrEqual(8);
    expect(error.mean).toBeLessThan(2);
  });

  it('decodes an Adobe CMYK JPEG to the RGB it was made from', () => {
    const image = decodeImage(jpegFixture('cmyk'));
    const error = errorAgainst(image, fixtureGradient);
    expect(error.max).toBeLessThanOrEqual(8);
    expect(error.mean).toBeLessThan(2);
  });

  it('decodes a one-component (grayscale) JPEG to equal R, G and B', () => {
    const image = decodeImage(jpegFixture('gray'));
    const error = errorAgainst(image, (x, y) => {
      const level = fixtureGradient(x, y)[0];
      return [level, level, level];
    });
    expect(error.max).toBeLessThanOrEqual(4);
    for (let i = 0; i < image.data.length; i += 3) {
      expect(image.data[i + 1]).toBe(image.data[i]);
      expect(image.data[i + 2]).toBe(image.data[i]);
    }
  });

  it('decodes a real photo re-encoded as JPEG at the size its header declares', () => {
    const bytes = realPhotoJpeg();
    expect(readImageHeader(bytes)).toEqual({ format: 'jpeg', width: 224, height: 224 });
    expect(decodeImage(bytes).data).toHaveLength(224 * 224 * 3);
  });
});

describe('decodeImage on JPEG color models it cannot decode', () => {
  it('calls a 4-component JPEG without the Adobe marker (so CMYK or YCCK is unknown) unsupported', () => {
    const cmyk = jpegFixture('cmyk');
    const app14 = cmyk.findIndex((byte, i) => byte === 0xff && cmyk[i + 1] === 0xee);
    expect(app14).toBeGreaterThan(0);
    const app14Length = 2 + ((cmyk[app14 + 2] << 8) | cmyk[app14 + 3]);
    const withoutAdobe = new Uint8Array([...cmyk.subarray(0, app14), ...cmyk.subarray(app14 + app14Length)]);
    expect(() => decodeImage(withoutAdobe)).toThrow(expect.objectContaining({ code: 'image/unsupported' }));
  });
});

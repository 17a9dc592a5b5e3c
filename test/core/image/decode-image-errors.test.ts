import { readFileSync } from 'node:fs';
import { decode as decodeWithFastPng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_PIXELS, decodeImage, encodePng } from '../../../core/image/index.ts';
import { GradlensError } from '../../../core/errors.ts';
import { insertChunkBefore, pngChunk, rgbIhdrData, withIhdrSize } from '../../helpers/png-chunks.ts';
import { sharedDir } from '../../helpers/shared-path.ts';
import { realPhotoJpeg } from './jpeg-fixtures.ts';

function errorOf(run: () => unknown): GradlensError {
  try {
    run();
  } catch (error) {
    if (error instanceof GradlensError) return error;
    throw new Error(`expected a GradlensError, got ${String(error)}`);
  }
  throw new Error('expected an error, none was thrown');
}

/** The JPEG with its first SOF0 declaring another size (both fields are 16-bit, so at most 65535). */
function withJpegFrameSize(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const result = jpeg.slice();
  const frame = result.findIndex((byte, i) => byte === 0xff && result[i + 1] === 0xc0);
  result.set([height >> 8, height & 0xff, width >> 8, width & 0xff], frame + 5);
  return result;
}

const realPng = new Uint8Array(readFileSync(sharedDir('data', 'imagenet_val_25', '04_brown_bear.png')));
const realJpeg = realPhotoJpeg();

describe('decodeImage errors', () => {
  it('has a 40-megapixel default budget', () => {
    expect(DEFAULT_MAX_PIXELS).toBe(40_000_000);
  });

  it('calls zero bytes empty', () => {
    expect(errorOf(() => decodeImage(new Uint8Array(0))).code).toBe('image/empty');
  });

  it('calls a real PNG and a real JPEG cut in half corrupt, with a readable message', () => {
    const png = errorOf(() => decodeImage(realPng.subarray(0, realPng.length >> 1)));
    expect(png.code).toBe('image/corrupt');
    expect(png.message).toMatch(/PNG file is damaged or cut short/);
    const jpeg = errorOf(() => decodeImage(realJpeg.subarray(0, realJpeg.length >> 1)));
    expect(jpeg.code).toBe('image/corrupt');
    expect(jpeg.message).toMatch(/JPEG file is damaged or cut short/);
  });

  it('calls a PNG with a damaged byte in its image data corrupt (CRC check)', () => {
    const damaged = realPng.slice();
    damaged[damaged.length >> 1] ^= 0xff;
    expect(errorOf(() => decodeImage(damaged)).code).toBe('image/corrupt');
  });

  it('refuses a PNG whose header claims 100000×100000 as too large, at once', () => {
    const huge = withIhdrSize(realPng, 100_000, 100_000);
    const started = performance.now();
    const error = errorOf(() => decodeImage(huge));
    expect(performance.now() - started).toBeLessThan(50);
    expect(error.code).toBe('image/too-large');
    expect(error.message).toContain('100000×100000');
    expect(error.message).toContain(String(DEFAULT_MAX_PIXELS));
  });

  it('refuses a JPEG whose frame header claims 65535×65535 as too large, at once', () => {
    const huge = withJpegFrameSize(realJpeg, 65_535, 65_535);
    const started = performance.now();
    const error = errorOf(() => decodeImage(huge));
    expect(performance.now() - started).toBeLessThan(50);
    expect(error.code).toBe('image/too-large');
    expect(error.message).toContain('65535×65535');
  });

  it('applies a caller budget exactly: 224×224 passes at 50176 pixels, not at 50175', () => {
    expect(decodeImage(realPng, { maxPixels: 224 * 224 }).width).toBe(224);
    expect(errorOf(() => decodeImage(realPng, { maxPixels: 224 * 224 - 1 })).code).toBe('image/too-large');
    expect(decodeImage(realJpeg, { maxPixels: 224 * 224 }).width).toBe(224);
    expect(errorOf(() => decodeImage(realJpeg, { maxPixels: 224 * 224 - 1 })).message).toContain('50175');
  });

  it('refuses a nonsensical budget as invalid options', () => {
    for (const maxPixels of [0, -5, Number.NaN]) {
      expect(errorOf(() => decodeImage(realPng, { maxPixels })).code).toBe('options/invalid');
    }
  });

  it('refuses a PNG whose small first IHDR hides a second, over-budget one', () => {
    // fast-png lets the second IHDR win: without a guard this would decode 300×300 under a 100-pixel budget.
    const real = encodePng({ width: 300, height: 300, data: new Uint8Array(300 * 300 * 3).fill(77) });
    const sneaky = insertChunkBefore(withIhdrSize(real, 10, 10), 'IDAT', pngChunk('IHDR', rgbIhdrData(300, 300)));
    expect(decodeWithFastPng(sneaky)).toMatchObject({ width: 300, height: 300 });
    expect(errorOf(() => decodeImage(sneaky, { maxPixels: 100 })).code).toBe('image/corrupt');
  });

  it('calls GIF and text unsupported', () => {
    expect(errorOf(() => decodeImage(new TextEncoder().encode('GIF87a\x10\x00\x10\x00'))).code).toBe('image/unsupported');
    expect(errorOf(() => decodeImage(new TextEncoder().encode('{"not": "an image"}'))).code).toBe('image/unsupported');
  });
});

import { constants as zlibConstants, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GradlensError } from '../../../core/errors.ts';
import { DEFAULT_MAX_PIXELS, decodeImage, encodePng } from '../../../core/image/index.ts';
import { GIBIBYTE, idatBombPng, withIccpBomb } from '../../helpers/png-bombs.ts';
import { ihdrData, pngChunk, pngFile } from '../../helpers/png-chunks.ts';
import { zlibOfZeros } from '../../helpers/zlib-zeros.ts';

const MEBIBYTE = 2 ** 20;
/** Far below the gibibyte each bomb inflates to, far above what a bounded decode of these sizes needs. */
const MEMORY_LIMIT = 64 * MEBIBYTE;

/** What `run` returns or throws, and how much the heap and array buffers grew across it. */
function measured(run: () => unknown): { result?: unknown; error?: unknown; growthBytes: number } {
  const usage = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const before = usage();
  try {
    const result = run();
    return { result, growthBytes: usage() - before };
  } catch (error) {
    return { error, growthBytes: usage() - before };
  }
}

function expectCorrupt(error: unknown, message: RegExp): void {
  expect(error).toBeInstanceOf(GradlensError);
  expect(error).toMatchObject({ code: 'image/corrupt', message: expect.stringMatching(message) });
}

describe('PNG decompression bombs', () => {
  it.each([
    [224, 224],
    // 4 MP: well within the default budget, so only the inflater's bound stands in the way.
    [2000, 2000],
  ])('refuses image data inflating to 1 GiB under an honest %i×%i header, with bounded memory', (width, height) => {
    expect(width * height).toBeLessThanOrEqual(DEFAULT_MAX_PIXELS);
    const bomb = idatBombPng(width, height);
    expect(bomb.length).toBeLessThan(1.1 * MEBIBYTE);
    const implied = height * (1 + width * 3);
    const { error, growthBytes } = measured(() => decodeImage(bomb));
    expectCorrupt(error, new RegExp(`inflates beyond the ${implied} bytes its ${width}×${height} header implies`));
    expect(growthBytes).toBeLessThan(MEMORY_LIMIT);
  });

  it('decodes a 64×64 PNG normally, ignoring an iCCP profile that would inflate to 1 GiB', () => {
    const pixels = new Uint8Array(64 * 64 * 3).map((_, i) => (i * 13) % 251);
    const plain = encodePng({ width: 64, height: 64, data: pixels });
    const bomb = withIccpBomb(plain, GIBIBYTE);
    expect(bomb.length).toBeGreaterThan(1e6);
    const { result, error, growthBytes } = measured(() => decodeImage(bomb));
    expect(error).toBeUndefined();
    expect(result).toEqual({ width: 64, height: 64, data: pixels });
    expect(growthBytes).toBeLessThan(MEMORY_LIMIT);
  });

  it('refuses image data that ends short of what the header implies', () => {
    // Fixed Huffman codes: dense enough, not so dense that the data could not possibly fill the image.
    const stream = deflateSync(new Uint8Array(224 * (1 + 224 * 3)), { strategy: zlibConstants.Z_FIXED });
    const shortStream = deflateSync(new Uint8Array(100 * (1 + 224 * 3)), { strategy: zlibConstants.Z_FIXED });
    const ihdr = pngChunk('IHDR', ihdrData(224, 224));
    const end = pngChunk('IEND', new Uint8Array(0));
    expect(decodeImage(pngFile([ihdr, pngChunk('IDAT', stream), end])).data.every((byte) => byte === 0)).toBe(true);
    expectCorrupt(errorOf(() => decodeImage(pngFile([ihdr, pngChunk('IDAT', shortStream), end]))), /ends after 67300 of the 150752 bytes its 224×224 header implies/);
    // A stream cut off (its chunk's CRC made valid again) runs out of input before its end.
    const cut = pngFile([ihdr, pngChunk('IDAT', stream.subarray(0, stream.length >> 1)), end]);
    expectCorrupt(errorOf(() => decodeImage(cut)), /ends after \d+ of the 150752 bytes/);
  });

  it('refuses, without allocating, a header implying more than the data could ever inflate to', () => {
    // 40 MP of 16-bit RGBA is 320 MB: more than 1032 times the 500 bytes of data can come to.
    const ihdr = pngChunk('IHDR', ihdrData(8000, 5000, { depth: 16, colorType: 6 }));
    const tiny = pngFile([ihdr, pngChunk('IDAT', zlibOfZeros(500 * 1000).subarray(0, 500)), pngChunk('IEND', new Uint8Array(0))]);
    const { error, growthBytes } = measured(() => decodeImage(tiny));
    expectCorrupt(error, /\(500 bytes compressed\) cannot inflate to the 320005000 bytes its 8000×5000 header implies/);
    expect(growthBytes).toBeLessThan(MEMORY_LIMIT);
  });
});

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}

import { readdirSync, readFileSync } from 'node:fs';
import { decode as decodeWithFastPng, encode as encodeWithFastPng, type ImageData } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../core/image/index.ts';
import { pngToRgb } from '../../../core/image/png-to-rgb.ts';
import { insertChunkBefore, pngChunk } from '../../helpers/png-chunks.ts';
import { sharedDir } from '../../helpers/shared-path.ts';

/**
 * Decoded RGB as a list of [r, g, b] triples, for readable expectations; checked first to be what the
 * previous pipeline (fast-png's decoder, then the same conversion to RGB) gave.
 */
function pixelsOf(png: Uint8Array): number[][] {
  const { data } = decodeImage(png);
  expect(data).toEqual(pngToRgb(decodeWithFastPng(png, { checkCrc: true })).data);
  const pixels: number[][] = [];
  for (let i = 0; i < data.length; i += 3) pixels.push([data[i], data[i + 1], data[i + 2]]);
  return pixels;
}

function png(image: ImageData, options?: Parameters<typeof encodeWithFastPng>[1]): Uint8Array {
  return encodeWithFastPng(image, options);
}

const WHITE = [255, 255, 255];
// (200, 100, 0) at alpha 128 over white, by hand: (c·128 + 255·127) / 255
//   red (25600 + 32385) / 255 = 227.39, green (12800 + 32385) / 255 = 177.20, blue 32385 / 255 = 127
const HALF_ORANGE_ON_WHITE = [227, 177, 127];

describe('decodeImage on PNG color types', () => {
  it('reads 8-bit gray', () => {
    const bytes = png({ width: 3, height: 1, channels: 1, depth: 8, data: new Uint8Array([0, 128, 255]) });
    expect(pixelsOf(bytes)).toEqual([[0, 0, 0], [128, 128, 128], [255, 255, 255]]);
  });

  it('reads packed 1-, 2- and 4-bit gray, scaled to 0..255, rows starting on byte boundaries', () => {
    // 3 pixels a row, 2 rows: 2-bit samples 0,1,2 | 3,2,1 packed MSB first, each row padded to a byte.
    const twoBit = png({ width: 3, height: 2, channels: 1, depth: 2, data: new Uint8Array([0b00011000, 0b11100100]) });
    expect(pixelsOf(twoBit).map((p) => p[0])).toEqual([0, 85, 170, 255, 170, 85]);
    const oneBit = png({ width: 9, height: 1, channels: 1, depth: 1, data: new Uint8Array([0b10100000, 0b10000000]) });
    expect(pixelsOf(oneBit).map((p) => p[0])).toEqual([255, 0, 255, 0, 0, 0, 0, 0, 255]);
    const fourBit = png({ width: 2, height: 1, channels: 1, depth: 4, data: new Uint8Array([0xf7]) });
    expect(pixelsOf(fourBit).map((p) => p[0])).toEqual([255, 7 * 17]);
  });

  it('flattens gray+alpha on white', () => {
    const bytes = png({ width: 3, height: 1, channels: 2, depth: 8, data: new Uint8Array([0, 0, 100, 255, 200, 128]) });
    expect(pixelsOf(bytes)).toEqual([WHITE, [100, 100, 100], [227, 227, 227]]);
  });

  it('reads an 8-bit palette', () => {
    const bytes = png({
      width: 3, height: 1, channels: 1, depth: 8, data: new Uint8Array([2, 0, 1]),
      palette: [[255, 0, 0], [0, 0, 255], [10, 20, 30]],
    });
    expect(pixelsOf(bytes)).toEqual([[10, 20, 30], [255, 0, 0], [0, 0, 255]]);
  });

  it('reads a packed 4-bit palette', () => {
    const bytes = png({
      width: 3, height: 1, channels: 1, depth: 4, data: new Uint8Array([0x21, 0x00]),
      palette: [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    });
    expect(pixelsOf(bytes)).toEqual([[7, 8, 9], [4, 5, 6], [1, 2, 3]]);
  });

  it('flattens a palette with tRNS alpha on white', () => {
    // fast-png's encoder writes the alphas of the non-opaque entries in order, so they come first.
    const bytes = png({
      width: 3, height: 1, channels: 1, depth: 8, data: new Uint8Array([0, 1, 2]),
      palette: [[0, 0, 0, 0], [200, 100, 0, 128], [10, 20, 30, 255]],
    });
    expect(pixelsOf(bytes)).toEqual([WHITE, HALF_ORANGE_ON_WHITE, [10, 20, 30]]);
  });

  it('reads 8-bit RGB exactly', () => {
    const bytes = png({ width: 2, height: 1, channels: 3, depth: 8, data: new Uint8Array([1, 2, 3, 250, 128, 0]) });
    expect(pixelsOf(bytes)).toEqual([[1, 2, 3], [250, 128, 0]]);
  });

  it('flattens RGBA on white: transparent black becomes white', () => {
    const bytes = png({
      width: 3, height: 1, channels: 4, depth: 8,
      data: new Uint8Array([0, 0, 0, 0, 200, 100, 0, 128, 1, 2, 3, 255]),
    });
    expect(pixelsOf(bytes)).toEqual([WHITE, HALF_ORANGE_ON_WHITE, [1, 2, 3]]);
  });

  it('rounds 16-bit samples to the nearest 8-bit value (v / 257), not the high byte', () => {
    // 65535 → 255, 0 → 0, 25700 → 100, 32767 → 127.498 → 127, 32768 → 127.502 → 128,
    // 200 → 0.78 → 1 (high byte 0), 65406 → 254.498 → 254 (high byte 255), 65407 → 254.502 → 255
    const bytes = png({
      width: 3, height: 1, channels: 3, depth: 16,
      data: new Uint16Array([65535, 0, 25700, 32767, 32768, 200, 65406, 65407, 257]),
    });
    expect(pixelsOf(bytes)).toEqual([[255, 0, 100], [127, 128, 1], [254, 255, 1]]);
  });

  it('flattens 16-bit RGBA and gray+alpha on white', () => {
    const rgba = png({
      width: 2, height: 1, channels: 4, depth: 16,
      data: new Uint16Array([0, 0, 0, 0, 200 * 257, 100 * 257, 0, 128 * 257]),
    });
    expect(pixelsOf(rgba)).toEqual([WHITE, HALF_ORANGE_ON_WHITE]);
    const grayAlpha = png({ width: 1, height: 1, channels: 2, depth: 16, data: new Uint16Array([200 * 257, 128 * 257]) });
    expect(pixelsOf(grayAlpha)).toEqual([[227, 227, 227]]);
  });

  it('makes the tRNS key color of gray and RGB images transparent (white)', () => {
    const gray = png({ width: 2, height: 1, channels: 1, depth: 8, data: new Uint8Array([7, 8]) });
    const grayKeyed = insertChunkBefore(gray, 'IDAT', pngChunk('tRNS', new Uint8Array([0, 7])));
    expect(pixelsOf(grayKeyed)).toEqual([WHITE, [8, 8, 8]]);
    // fast-png refuses an RGB key on images of fewer than 3 pixels (it counts key samples as pixels).
    const rgb = png({ width: 3, height: 1, channels: 3, depth: 8, data: new Uint8Array([1, 2, 3, 1, 2, 4, 3, 2, 1]) });
    const rgbKeyed = insertChunkBefore(rgb, 'IDAT', pngChunk('tRNS', new Uint8Array([0, 1, 0, 2, 0, 3])));
    expect(pixelsOf(rgbKeyed)).toEqual([WHITE, [1, 2, 4], [3, 2, 1]]);
  });

  it('reads Adam7-interlaced files', () => {
    const data = new Uint8Array(5 * 4 * 3).map((_, i) => (i * 7) % 256);
    const bytes = png({ width: 5, height: 4, channels: 3, depth: 8, data }, { interlace: 'Adam7' });
    expect(decodeImage(bytes)).toEqual({ width: 5, height: 4, data });
  });

  it('refuses a palette index past the end of the palette as corrupt', () => {
    const bytes = png({ width: 2, height: 1, channels: 1, depth: 8, data: new Uint8Array([0, 5]), palette: [[1, 2, 3], [4, 5, 6]] });
    expect(() => decodeImage(bytes)).toThrow(expect.objectContaining({ code: 'image/corrupt' }));
  });

  it('reads bytes that are a view into a larger buffer', () => {
    const bytes = png({ width: 2, height: 1, channels: 3, depth: 8, data: new Uint8Array([9, 8, 7, 6, 5, 4]) });
    const larger = new Uint8Array(bytes.length + 13);
    larger.set(bytes, 5);
    expect(pixelsOf(larger.subarray(5, 5 + bytes.length))).toEqual([[9, 8, 7], [6, 5, 4]]);
  });
});

describe('decodeImage on the real ImageNet PNGs', () => {
  const folder = sharedDir('data', 'imagenet_val_25');
  const files = readdirSync(folder).filter((name) => name.endsWith('.png'));

  it('finds the 25 images', () => {
    expect(files).toHaveLength(25);
  });

  it.each(files)('%s decodes to the 224×224 RGB that fast-png reads', (name) => {
    const bytes = new Uint8Array(readFileSync(`${folder}/${name}`));
    const raw = decodeWithFastPng(bytes);
    expect([raw.channels, raw.depth]).toEqual([3, 8]); // the files are plain RGB, so pixels must match exactly
    const image = decodeImage(bytes);
    expect([image.width, image.height]).toEqual([224, 224]);
    expect(Buffer.from(image.data).equals(Buffer.from(raw.data as Uint8Array))).toBe(true);
  });
});

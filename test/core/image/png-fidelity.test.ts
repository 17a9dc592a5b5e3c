import { readdirSync, readFileSync } from 'node:fs';
import { decode as decodeWithFastPng, encode as encodeWithFastPng, type ImageData } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../core/image/index.ts';
import { pngToRgb } from '../../../core/image/png-to-rgb.ts';
import type { RgbImage } from '../../../core/types.ts';
import { encodeTestPng, type TestPngOptions } from '../../helpers/encode-test-png.ts';
import { sharedDir } from '../../helpers/shared-path.ts';

/**
 * The pipeline gradlens had before it decoded PNG itself: fast-png (an independent code base) to
 * samples, then the same conversion to RGB on white. Byte-identical output is the bar.
 */
function previousPipeline(png: Uint8Array): RgbImage {
  return pngToRgb(decodeWithFastPng(png, { checkCrc: true }));
}

function expectSameImage(actual: RgbImage, expected: RgbImage): void {
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  expect(Buffer.from(actual.data).equals(Buffer.from(expected.data))).toBe(true);
}

const COLOR_TYPES = [
  { colorType: 0, name: 'gray', channels: 1, depths: [1, 2, 4, 8, 16] },
  { colorType: 2, name: 'RGB', channels: 3, depths: [8, 16] },
  { colorType: 3, name: 'palette', channels: 1, depths: [1, 2, 4, 8] },
  { colorType: 4, name: 'gray+alpha', channels: 2, depths: [8, 16] },
  { colorType: 6, name: 'RGBA', channels: 4, depths: [8, 16] },
];
// Odd sizes: partial bytes at the end of packed rows, partial 8×8 tiles, Adam7 passes left empty.
const SIZES = [
  [13, 11],
  [1, 1],
  [3, 9],
  [9, 2],
];

/** Deterministic samples below `limit`, with runs, so every filter type meets varied bytes. */
function samplesFor(count: number, limit: number, seed: number): Uint16Array {
  let state = seed;
  const samples = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    samples[i] = i > 0 && state % 5 === 0 ? samples[i - 1] : (state >>> 8) % limit;
  }
  return samples;
}

interface Case {
  label: string;
  samples: Uint16Array;
  options: TestPngOptions;
}

function matrix(): Case[] {
  const cases: Case[] = [];
  for (const { colorType, name, channels, depths } of COLOR_TYPES) {
    for (const depth of depths) {
      for (const [width, height] of SIZES) {
        const entries = Math.min(2 ** depth, 7);
        const limit = colorType === 3 ? entries : 2 ** depth;
        const samples = samplesFor(width * height * channels, limit, width * 31 + depth * 7 + colorType);
        const palette = colorType === 3 ? Uint8Array.from(samplesFor(entries * 3, 256, depth)) : undefined;
        const base = { width, height, colorType, depth, palette };
        const label = `${depth}-bit ${name} ${width}×${height}`;
        cases.push({ label, samples, options: base });
        if (colorType === 3) cases.push({ label: `${label} with tRNS`, samples, options: { ...base, transparency: Uint8Array.from([0, 128, 255].slice(0, entries)) } });
        if (colorType === 0 || colorType === 2) {
          // The color key is the first pixel's color, so some pixels match it.
          const key = Array.from(samples.subarray(0, channels)).flatMap((value) => [value >> 8, value & 0xff]);
          cases.push({ label: `${label} with a tRNS color key`, samples, options: { ...base, transparency: Uint8Array.from(key) } });
        }
      }
    }
  }
  return cases;
}

describe('decodeImage on every PNG color type, bit depth and interlacing, all row filters', () => {
  const cases = matrix();

  it.each(cases.map((c) => [c.label, c] as const))('%s matches the previous pipeline, plain and interlaced', (_, { samples, options }) => {
    const plain = encodeTestPng(samples, { ...options, idatChunkBytes: 16 });
    const interlaced = encodeTestPng(samples, { ...options, interlaced: true });
    const decoded = decodeImage(plain);
    if (options.colorType === 2 && options.transparency && options.width * options.height < 3) {
      // fast-png refused an RGB color key on images under 3 pixels (it counts key samples as pixels);
      // the one pixel here is the key color, so transparent: white.
      expect(() => previousPipeline(plain)).toThrow(/more alpha values than there are pixels/);
      expectSameImage(decoded, { width: 1, height: 1, data: Uint8Array.from([255, 255, 255]) });
    } else {
      expectSameImage(decoded, previousPipeline(plain));
    }
    // fast-png's Adam7 path sizes rows in whole bytes a pixel, which is wrong below 8 bits; there the
    // interlaced file must give what the plain one gives.
    expectSameImage(decodeImage(interlaced), options.depth < 8 || options.width * options.height < 3 ? decoded : previousPipeline(interlaced));
  });

  it.each(cases.filter((c) => !c.options.transparency).map((c) => [c.label, c] as const))('%s, as fast-png encodes it, matches the previous pipeline', (_, { samples, options }) => {
    const channels = COLOR_TYPES.find((type) => type.colorType === options.colorType)!.channels;
    const image: ImageData = {
      width: options.width,
      height: options.height,
      channels,
      depth: options.depth as ImageData['depth'],
      data: options.depth === 16 ? samples : packedRows(samples, options.width * channels, options.depth),
      palette: options.palette && Array.from({ length: options.palette.length / 3 }, (_, i) => [...options.palette!.subarray(i * 3, i * 3 + 3)]),
    };
    for (const interlace of options.depth < 8 ? (['null'] as const) : (['null', 'Adam7'] as const)) {
      const png = encodeWithFastPng(image, { interlace });
      expectSameImage(decodeImage(png), previousPipeline(png));
    }
  });
});

/** Samples as fast-png's encoder takes them: bytes, or below 8 bits rows packed to whole bytes. */
function packedRows(samples: Uint16Array, samplesPerRow: number, depth: number): Uint8Array {
  if (depth === 8) return Uint8Array.from(samples);
  const rowBytes = Math.ceil((samplesPerRow * depth) / 8);
  const rows = samples.length / samplesPerRow;
  const packed = new Uint8Array(rowBytes * rows);
  samples.forEach((value, i) => {
    const bit = (i % samplesPerRow) * depth;
    packed[Math.floor(i / samplesPerRow) * rowBytes + (bit >> 3)] |= value << (8 - depth - (bit % 8));
  });
  return packed;
}

describe('decodeImage on the 25 ImageNet PNGs', () => {
  const folder = sharedDir('data', 'imagenet_val_25');
  const files = readdirSync(folder).filter((name) => name.endsWith('.png'));

  it.each(files)('%s matches the previous pipeline byte for byte', (name) => {
    const bytes = new Uint8Array(readFileSync(`${folder}/${name}`));
    expectSameImage(decodeImage(bytes), previousPipeline(bytes));
  });
});

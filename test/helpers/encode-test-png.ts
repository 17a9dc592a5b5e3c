/**
 * A test-only PNG writer for any color type, bit depth and interlace method, with every row filter
 * (None, Sub, Up, Average, Paeth, cycling row by row), for the combinations fast-png's encoder
 * cannot write: it only writes filter 0, and its Adam7 path mishandles depths below 8.
 * Written from the PNG specification independently of core/image (node:zlib compresses).
 */
import { deflateSync } from 'node:zlib';
import { ihdrData, pngChunk, pngFile } from './png-chunks.ts';

export interface TestPngOptions {
  width: number;
  height: number;
  /** 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA. */
  colorType: number;
  depth: number;
  interlaced?: boolean;
  /** PLTE data (red, green, blue an entry) and tRNS data, written as given. */
  palette?: Uint8Array;
  transparency?: Uint8Array;
  /** Split the zlib stream over IDAT chunks of at most this many bytes. */
  idatChunkBytes?: number;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * The Adam7 pass (1–7) of each position in an 8×8 tile, as the PNG specification draws it (§8.2).
 */
const ADAM7_TILE = [
  '16462646',
  '77777777',
  '56565656',
  '77777777',
  '36463646',
  '77777777',
  '56565656',
  '77777777',
];

/** A PNG of `samples` (width × height × channels values, row by row, each below 2^depth). */
export function encodeTestPng(samples: ArrayLike<number>, options: TestPngOptions): Uint8Array {
  const channels = CHANNELS[options.colorType];
  const pixelBytes = Math.max(1, (channels * options.depth) / 8);
  const scanlines: number[] = [];
  let rowIndex = 0;
  for (const pass of passes(options)) {
    let above: number[] | undefined;
    for (const rowPixels of pass) {
      const row = packRow(rowPixels.flatMap((pixel) => Array.from({ length: channels }, (_, c) => samples[pixel * channels + c])), options.depth);
      const filter = rowIndex++ % 5;
      scanlines.push(filter, ...filterRow(row, above, filter, pixelBytes));
      above = row;
    }
  }
  const stream = deflateSync(Uint8Array.from(scanlines));
  const chunkBytes = options.idatChunkBytes ?? stream.length;
  const chunks = [pngChunk('IHDR', ihdrData(options.width, options.height, options))];
  if (options.palette) chunks.push(pngChunk('PLTE', options.palette));
  if (options.transparency) chunks.push(pngChunk('tRNS', options.transparency));
  for (let start = 0; start < stream.length; start += chunkBytes) chunks.push(pngChunk('IDAT', stream.subarray(start, start + chunkBytes)));
  chunks.push(pngChunk('IEND', new Uint8Array(0)));
  return pngFile(chunks);
}

/** Pixel indices, row by row, of each reduced image: one for a plain file, the non-empty Adam7 passes otherwise. */
function passes({ width, height, interlaced }: TestPngOptions): number[][][] {
  const passOf = (x: number, y: number) => (interlaced ? Number(ADAM7_TILE[y % 8][x % 8]) : 1);
  const result: number[][][] = [];
  for (let pass = 1; pass <= (interlaced ? 7 : 1); pass++) {
    const rows: number[][] = [];
    for (let y = 0; y < height; y++) {
      const row: number[] = [];
      for (let x = 0; x < width; x++) if (passOf(x, y) === pass) row.push(y * width + x);
      if (row.length > 0) rows.push(row);
    }
    if (rows.length > 0) result.push(rows);
  }
  return result;
}

/** Samples packed as PNG stores them: big-endian 16-bit, or below 8 bits first sample in the high bits. */
function packRow(values: number[], depth: number): number[] {
  if (depth === 16) return values.flatMap((value) => [value >> 8, value & 0xff]);
  if (depth === 8) return values;
  const bytes = new Array<number>(Math.ceil((values.length * depth) / 8)).fill(0);
  values.forEach((value, i) => {
    bytes[(i * depth) >> 3] |= value << (8 - depth - ((i * depth) % 8));
  });
  return bytes;
}

/** The row filtered with `filter` (§9.2); bytes left of the row and above the first row count as 0. */
function filterRow(row: number[], above: number[] | undefined, filter: number, pixelBytes: number): number[] {
  return row.map((byte, i) => {
    const a = i >= pixelBytes ? row[i - pixelBytes] : 0;
    const b = above ? above[i] : 0;
    const c = above && i >= pixelBytes ? above[i - pixelBytes] : 0;
    const prediction = [0, a, b, Math.floor((a + b) / 2), paethPredictor(a, b, c)][filter];
    return (byte - prediction + 256) % 256;
  });
}

/** §9.4, as the specification writes it. */
function paethPredictor(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  if (pb <= pc) return b;
  return c;
}

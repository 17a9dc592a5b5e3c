import type { JpegFrame } from './jpeg-frame.ts';

const BLOCK_SIDE = 8;
/** jpeg-js keeps each 8×8 block's coefficients as an Int32Array(64). */
const COEFFICIENT_BLOCK_BYTES = 64 * 4;
const OUTPUT_CHANNELS = 3;

/**
 * Bytes jpeg-js 0.4.4 asks its memory guard for (`requestMemoryAllocation`) to decode this frame to
 * RGB, tables aside, worked out from its decoder.js:
 * - coefficients (prepareComponents): every component gets whole MCUs, mcusPerLine =
 *   ceil(width / 8 / maxH) by mcusPerColumn = ceil(height / 8 / maxV), each of h × v blocks;
 * - sample lines (buildComponentData): blocksPerLine × 8 by blocksPerColumn × 8 bytes a component,
 *   where blocksPerLine = ceil(ceil(width / 8) × h / maxH), and likewise down;
 * - interleaved samples (getData): width × height × components;
 * - the RGB output (decode): width × height × 3.
 * The typed arrays' own object headers (one per block, one per line) come on top, uncounted by jpeg-js.
 */
export function jpegDecoderBytes(frame: JpegFrame): number {
  const { width, height, components } = frame;
  const maxH = Math.max(...components.map((component) => component.h));
  const maxV = Math.max(...components.map((component) => component.v));
  const mcusPerLine = Math.ceil(width / BLOCK_SIDE / maxH);
  const mcusPerColumn = Math.ceil(height / BLOCK_SIDE / maxV);
  let bytes = width * height * (components.length + OUTPUT_CHANNELS);
  for (const { h, v } of components) {
    bytes += mcusPerLine * h * mcusPerColumn * v * COEFFICIENT_BLOCK_BYTES;
    const blocksPerLine = Math.ceil((Math.ceil(width / BLOCK_SIDE) * h) / maxH);
    const blocksPerColumn = Math.ceil((Math.ceil(height / BLOCK_SIDE) * v) / maxV);
    bytes += blocksPerLine * BLOCK_SIDE * blocksPerColumn * BLOCK_SIDE;
  }
  return bytes;
}

/**
 * Bytes a pixel of the costliest ordinary JPEG (four components, none subsampled) makes jpeg-js ask
 * for: 4 × 4 of Int32 coefficients, 4 of sample lines, 4 of interleaved samples and 3 of RGB make 27;
 * 32 leaves room for the padding of partial blocks.
 */
const BUDGET_BYTES_PER_PIXEL = 32;
/** The MCU padding of small images, on top. */
const BUDGET_OVERHEAD_BYTES = 16 * 1024 * 1024;
/**
 * Quantization and Huffman tables, which jpeg-js counts as well (256 bytes a DQT table, 16 plus its
 * values a DHT table): a real file defines a handful, a progressive one a few per scan.
 */
const TABLE_ALLOWANCE_BYTES = 1024 * 1024;
const BYTES_PER_MB = 1024 * 1024;

/** The most `jpegDecoderBytes` a JPEG within a pixel budget of `maxPixels` may need. */
export function jpegMemoryBudget(maxPixels: number): number {
  return maxPixels * BUDGET_BYTES_PER_PIXEL + BUDGET_OVERHEAD_BYTES;
}

/** jpeg-js's `maxMemoryUsageInMB` for this frame: what it needs, with room for its tables. */
export function jpegDecoderLimitMb(frame: JpegFrame): number {
  return Math.ceil((jpegDecoderBytes(frame) + TABLE_ALLOWANCE_BYTES) / BYTES_PER_MB);
}

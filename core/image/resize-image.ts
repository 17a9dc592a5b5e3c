import { GradlensError } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import { resampleWeights } from './resample-weights.ts';

const CHANNELS = 3;

/**
 * An RGB image resampled to width × height: antialiased when shrinking (triangle filter widened by
 * the shrink factor), bilinear when enlarging. Separable: rows first, then columns, with every
 * weight computed once.
 *
 * @example
 * const small = resizeImage(photo, 224, 224);
 */
export function resizeImage(image: RgbImage, width: number, height: number): RgbImage {
  for (const [name, size] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(size) || size < 1) {
      throw new GradlensError('options/invalid', `The resize ${name} must be a positive integer, got ${size}.`);
    }
  }
  if (width === image.width && height === image.height) {
    return { width, height, data: image.data.slice() };
  }
  const rowsResized = resizeRows(image, width);
  const data = resizeColumns(rowsResized, width, image.height, height);
  return { width, height, data };
}

/** Every row resampled to `width`; float so the column pass rounds only once. */
function resizeRows(image: RgbImage, width: number): Float32Array {
  const { first, taps, weights } = resampleWeights(image.width, width);
  const source = image.data;
  const resized = new Float32Array(width * image.height * CHANNELS);
  for (let row = 0; row < image.height; row++) {
    const sourceRow = row * image.width;
    for (let x = 0; x < width; x++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      const base = (sourceRow + first[x]) * CHANNELS;
      for (let tap = 0; tap < taps; tap++) {
        const weight = weights[x * taps + tap];
        if (weight === 0) continue;
        red += weight * source[base + tap * CHANNELS];
        green += weight * source[base + tap * CHANNELS + 1];
        blue += weight * source[base + tap * CHANNELS + 2];
      }
      const out = (row * width + x) * CHANNELS;
      resized[out] = red;
      resized[out + 1] = green;
      resized[out + 2] = blue;
    }
  }
  return resized;
}

/** Every column of the row-resized image resampled to `height`, rounded to bytes. */
function resizeColumns(rows: Float32Array, width: number, sourceHeight: number, height: number): Uint8Array {
  const { first, taps, weights } = resampleWeights(sourceHeight, height);
  const rowLength = width * CHANNELS;
  const resized = new Uint8Array(height * rowLength);
  const accumulator = new Float64Array(rowLength);
  for (let y = 0; y < height; y++) {
    accumulator.fill(0);
    // Whole rows at a time: the inner loop walks memory contiguously.
    for (let tap = 0; tap < taps; tap++) {
      const weight = weights[y * taps + tap];
      if (weight === 0) continue;
      const sourceStart = (first[y] + tap) * rowLength;
      for (let i = 0; i < rowLength; i++) accumulator[i] += weight * rows[sourceStart + i];
    }
    // Uint8Array stores by truncation; round explicitly, and clamp float noise below 0 or above 255.
    const out = y * rowLength;
    for (let i = 0; i < rowLength; i++) resized[out + i] = Math.min(255, Math.max(0, Math.round(accumulator[i])));
  }
  return resized;
}

import type { RgbImage } from '../types.ts';
import { checkPixelBudget, validateMaxPixels } from './check-pixel-budget.ts';
import { decodeJpeg } from './decode-jpeg.ts';
import { decodePng } from './decode-png.ts';
import { DEFAULT_MAX_PIXELS } from './limits.ts';
import { orientImage } from './orient-image.ts';
import { readExifOrientation } from './read-exif-orientation.ts';
import { readImageHeader } from './read-image-header.ts';

export interface DecodeImageOptions {
  /** Largest width × height accepted; checked against the header before decoding. */
  maxPixels?: number;
}

/**
 * 8-bit RGB pixels from PNG or JPEG bytes, transparency flattened on white, a JPEG turned upright by its
 * EXIF orientation (as browsers show it, so the CLI, the edge and the site see the same). The header is checked
 * against the pixel budget first, so a small file claiming a huge image costs nothing to refuse.
 * Throws GradlensError 'image/empty', 'image/unsupported', 'image/corrupt' or 'image/too-large'.
 *
 * @example
 * const image = decodeImage(new Uint8Array(await file.arrayBuffer()));
 */
export function decodeImage(bytes: Uint8Array, options: DecodeImageOptions = {}): RgbImage {
  const maxPixels = validateMaxPixels(options.maxPixels ?? DEFAULT_MAX_PIXELS);
  const header = readImageHeader(bytes);
  checkPixelBudget(header, maxPixels);
  return header.format === 'png' ? decodePng(bytes) : orientImage(decodeJpeg(bytes, maxPixels), readExifOrientation(bytes));
}

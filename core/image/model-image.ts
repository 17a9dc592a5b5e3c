import { DEFAULTS } from '../defaults.ts';
import type { RgbImage } from '../types.ts';
import { decodeImage, type DecodeImageOptions } from './decode-image.ts';
import { fitImage, type FitMode } from './fit-image.ts';

/**
 * The one input pipeline of every surface: file bytes → decoded pixels (header checked against the
 * pixel budget, a JPEG turned upright by its EXIF orientation, transparency on white) → the model's
 * square by `fit`. The CLI, the edge and the site call this, so one file gives one input everywhere.
 * `decoded` is also returned, for a surface that refits without decoding again (the site).
 *
 * @example
 * const { image } = modelImage(bytes, 224, 'center-crop');
 */
export function modelImage(bytes: Uint8Array, size: number, fit: FitMode = DEFAULTS.fit, options: DecodeImageOptions = {}): { image: RgbImage; decoded: RgbImage } {
  const decoded = decodeImage(bytes, options);
  return { image: fitImage(decoded, size, fit), decoded };
}

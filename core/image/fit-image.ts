import { GradlensError } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import { cropImage } from './crop-image.ts';
import { resizeImage } from './resize-image.ts';

/** How a non-square image becomes the square a network takes. */
export type FitMode = 'squash' | 'center-crop';

/**
 * A size × size version of an image for the network. 'squash' resizes the whole image, ignoring its
 * aspect ratio (nothing is lost, shapes stretch); 'center-crop' keeps the centred square whose side
 * is the short side, scaled to size (shapes stay true, the borders of the long side are lost).
 * An image that is already size × size comes back as it is, not resampled.
 *
 * @example
 * const input = fitImage(photo, 224, 'center-crop');
 */
export function fitImage(image: RgbImage, size: number, fit: FitMode = 'squash'): RgbImage {
  if (!Number.isInteger(size) || size < 1) {
    throw new GradlensError('options/invalid', `The fit size must be a positive integer, got ${size}.`);
  }
  if (fit !== 'squash' && fit !== 'center-crop') {
    throw new GradlensError('options/invalid', `Unknown fit "${String(fit)}".`, "Use 'squash' or 'center-crop'.");
  }
  if (image.width === size && image.height === size) return image;
  if (fit === 'squash') return resizeImage(image, size, size);
  // Cropping before resizing gives the same square as scaling the short side first,
  // and resamples only the pixels that are kept.
  const side = Math.min(image.width, image.height);
  const left = Math.floor((image.width - side) / 2);
  const top = Math.floor((image.height - side) / 2);
  const square = side === image.width && side === image.height ? image : cropImage(image, left, top, side, side);
  return side === size ? square : resizeImage(square, size, size);
}

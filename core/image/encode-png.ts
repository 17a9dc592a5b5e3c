import { encode } from 'fast-png';
import { GradlensError } from '../errors.ts';
import type { RgbaImage, RgbImage } from '../types.ts';

/**
 * PNG bytes of an 8-bit RGB or RGBA image; the channel count follows from the data length.
 *
 * @example
 * const png = encodePng(heatmap(map));
 */
export function encodePng(image: RgbImage | RgbaImage): Uint8Array {
  const pixelCount = image.width * image.height;
  const channels = pixelCount > 0 ? image.data.length / pixelCount : 0;
  if (!Number.isInteger(image.width) || !Number.isInteger(image.height) || (channels !== 3 && channels !== 4)) {
    throw new GradlensError(
      'options/invalid',
      `Cannot encode a ${image.width}×${image.height} image with ${image.data.length} bytes of data as PNG.`,
      'Expected 3 (RGB) or 4 (RGBA) bytes a pixel.',
    );
  }
  return encode({ width: image.width, height: image.height, data: image.data, depth: 8, channels });
}

import { GradlensError } from '../errors.ts';
import type { RgbImage } from '../types.ts';

/** The rectangle of an RGB image at (x, y) of the given size, copied row by row. */
export function cropImage(image: RgbImage, x: number, y: number, width: number, height: number): RgbImage {
  const inside =
    [x, y, width, height].every(Number.isInteger) &&
    x >= 0 &&
    y >= 0 &&
    width >= 1 &&
    height >= 1 &&
    x + width <= image.width &&
    y + height <= image.height;
  if (!inside) {
    throw new GradlensError(
      'options/invalid',
      `Crop ${width}×${height} at (${x}, ${y}) does not fit inside a ${image.width}×${image.height} image.`,
    );
  }
  const data = new Uint8Array(width * height * 3);
  for (let row = 0; row < height; row++) {
    const sourceStart = ((y + row) * image.width + x) * 3;
    data.set(image.data.subarray(sourceStart, sourceStart + width * 3), row * width * 3);
  }
  return { width, height, data };
}

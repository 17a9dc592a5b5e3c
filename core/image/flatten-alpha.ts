import type { RgbImage } from '../types.ts';

/**
 * An 8-bit color sample with 8-bit alpha, composited over white: what a viewer shows when it paints
 * a transparent pixel on a white page. The network sees this, never an arbitrary hidden color.
 */
export function overWhite(color: number, alpha: number): number {
  // (c·a + 255·(255−a)) / 255 of integers never lands on .5, so rounding it is exact.
  return Math.round((color * alpha + 255 * (255 - alpha)) / 255);
}

/** RGBA pixels (e.g. a canvas's ImageData) flattened on white into the RGB that gradlens works on. */
export function flattenAlpha(image: {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}): RgbImage {
  const pixelCount = image.width * image.height;
  const rgba = image.data;
  const rgb = new Uint8Array(pixelCount * 3);
  for (let pixel = 0; pixel < pixelCount; pixel++) {
    const alpha = rgba[pixel * 4 + 3];
    for (let channel = 0; channel < 3; channel++) {
      const color = rgba[pixel * 4 + channel];
      rgb[pixel * 3 + channel] = alpha === 255 ? color : overWhite(color, alpha);
    }
  }
  return { width: image.width, height: image.height, data: rgb };
}

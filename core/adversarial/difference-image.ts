import type { FloatRgbImage, RgbImage } from '../types.ts';

/** 128 + magnification · (adversarial − original), clipped: gray where nothing changed, signed colours elsewhere. */
export function differenceImage(original: RgbImage | FloatRgbImage, adversarial: RgbImage | FloatRgbImage, magnification: number): RgbImage {
  const data = new Uint8Array(original.data.length);
  for (let i = 0; i < data.length; i++) {
    data[i] = Math.min(255, Math.max(0, Math.round(128 + magnification * (adversarial.data[i] - original.data[i]))));
  }
  return { width: original.width, height: original.height, data };
}

import type { FloatRgbImage, RgbImage } from '../types.ts';

export interface PerturbationMetrics {
  /** ‖adversarial − original‖₂ over all pixel values, 0–255 units. */
  l2: number;
  /** max |adversarial − original|, 0–255 units. */
  linf: number;
  /** 10·log10(255² / MSE) in dB; Infinity for identical images. */
  psnr: number;
}

export function perturbationMetrics(original: RgbImage | FloatRgbImage, adversarial: RgbImage | FloatRgbImage): PerturbationMetrics {
  let sumSquares = 0;
  let linf = 0;
  for (let i = 0; i < original.data.length; i++) {
    const d = adversarial.data[i] - original.data[i];
    sumSquares += d * d;
    linf = Math.max(linf, Math.abs(d));
  }
  const mse = sumSquares / original.data.length;
  return { l2: Math.sqrt(sumSquares), linf, psnr: mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse) };
}

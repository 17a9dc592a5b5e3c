import { GradlensError } from '../errors.ts';
import type { ImageHeader } from './image-header.ts';

/** Validates a pixel budget given by a caller, so a typo cannot silently disable the guard. */
export function validateMaxPixels(maxPixels: number): number {
  if (!Number.isFinite(maxPixels) || maxPixels < 1) {
    throw new GradlensError('options/invalid', `maxPixels must be a positive number, got ${maxPixels}.`);
  }
  return maxPixels;
}

/** Refuses an image whose header declares more pixels than the budget, before anything is allocated. */
export function checkPixelBudget(header: ImageHeader, maxPixels: number): void {
  const pixelCount = header.width * header.height;
  if (pixelCount <= maxPixels) return;
  throw new GradlensError(
    'image/too-large',
    `The image is ${header.width}×${header.height} pixels (${megapixels(pixelCount)}); ` +
      `the limit is ${maxPixels} pixels (${megapixels(maxPixels)}).`,
    'Downscale the image and try again: networks see a few hundred pixels a side, so 1000–2000 is plenty.',
  );
}

function megapixels(pixelCount: number): string {
  return `${(pixelCount / 1e6).toFixed(1)} MP`;
}

import type { RgbImage } from '../types.ts';
import { corruptImageError } from './corrupt-image-error.ts';
import { decodePngSamples } from './decode-png-samples.ts';
import { pngToRgb } from './png-to-rgb.ts';

/**
 * 8-bit RGB, alpha flattened on white, from PNG bytes of any color type and bit depth. gradlens
 * decodes PNG itself so that inflating is bounded by what the header implies (see decodePngSamples).
 */
export function decodePng(bytes: Uint8Array): RgbImage {
  try {
    return pngToRgb(decodePngSamples(bytes));
  } catch (error) {
    throw corruptImageError('PNG', error);
  }
}

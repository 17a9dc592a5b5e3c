import { decode, type DecodedPng } from 'fast-png';
import type { RgbImage } from '../types.ts';
import { checkSingleIhdr } from './check-single-ihdr.ts';
import { corruptImageError } from './corrupt-image-error.ts';
import { pngToRgb } from './png-to-rgb.ts';

/** 8-bit RGB, alpha flattened on white, from PNG bytes of any color type and bit depth. */
export function decodePng(bytes: Uint8Array): RgbImage {
  checkSingleIhdr(bytes);
  let png: DecodedPng;
  try {
    // CRCs catch damage that would otherwise decode into plausible but wrong pixels.
    png = decode(bytes, { checkCrc: true });
  } catch (error) {
    throw corruptImageError('PNG', error);
  }
  return pngToRgb(png);
}

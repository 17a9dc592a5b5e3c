import { decode } from 'jpeg-js';
import { GradlensError } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import { corruptImageError } from './corrupt-image-error.ts';
import { SUPPORTED_FORMATS_HINT } from './image-header.ts';

/**
 * Bytes jpeg-js accounts for per pixel of the worst frame it decodes (4 components, no subsampling):
 * 16 of Int32 coefficients, 4 of component lines, 4 of interleaved samples and 3 of RGB output make
 * 27; 32 leaves room for the padding of partial blocks.
 */
const DECODER_BYTES_PER_PIXEL = 32;
/** Quantization and Huffman tables, and the rounding of small images. */
const DECODER_OVERHEAD_MB = 16;
const BYTES_PER_MB = 1024 * 1024;

/**
 * 8-bit RGB from a baseline or progressive JPEG (gray, YCbCr or Adobe CMYK). jpeg-js gets limits
 * derived from the same pixel budget as the header check, so both guards agree.
 */
export function decodeJpeg(bytes: Uint8Array, maxPixels: number): RgbImage {
  try {
    const decoded = decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: maxPixels / 1e6,
      maxMemoryUsageInMB: Math.ceil((maxPixels * DECODER_BYTES_PER_PIXEL) / BYTES_PER_MB) + DECODER_OVERHEAD_MB,
    });
    return { width: decoded.width, height: decoded.height, data: decoded.data };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Unsupported color mode')) {
      throw new GradlensError(
        'image/unsupported',
        `This JPEG's color model cannot be decoded (${error.message}).`,
        SUPPORTED_FORMATS_HINT,
      );
    }
    throw corruptImageError('JPEG', error);
  }
}

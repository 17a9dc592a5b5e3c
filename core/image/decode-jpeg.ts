import { decode } from 'jpeg-js';
import { GradlensError } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import { checkJpegScans } from './check-jpeg-scans.ts';
import { corruptImageError } from './corrupt-image-error.ts';
import { SUPPORTED_FORMATS_HINT } from './image-header.ts';
import { jpegDecoderBytes, jpegDecoderLimitMb, jpegMemoryBudget } from './jpeg-decoder-memory.ts';
import { readJpegFrame } from './read-jpeg-header.ts';

const BYTES_PER_MB = 1024 * 1024;

/**
 * 8-bit RGB from a baseline or progressive JPEG (gray, YCbCr or Adobe CMYK). Before jpeg-js allocates
 * anything, the frame header's exact cost to it (jpegDecoderBytes) is held against what the pixel
 * budget allows, and the scans are counted; jpeg-js's own memory guard then gets that same figure.
 */
export function decodeJpeg(bytes: Uint8Array, maxPixels: number): RgbImage {
  const frame = readJpegFrame(bytes);
  const needed = jpegDecoderBytes(frame);
  const budget = jpegMemoryBudget(maxPixels);
  if (needed > budget) {
    const sampling = frame.components.map(({ h, v }) => `${h}×${v}`).join(', ');
    throw new GradlensError(
      'image/too-large',
      `Decoding this ${frame.width}×${frame.height} JPEG (sampling factors ${sampling}) would take ${megabytes(needed)}; ` +
        `the pixel budget of ${maxPixels} pixels allows ${megabytes(budget)}.`,
      'Re-save the image as an ordinary JPEG or as PNG, downscaled if it is large, and try again.',
    );
  }
  checkJpegScans(bytes);
  try {
    const decoded = decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: maxPixels / 1e6,
      maxMemoryUsageInMB: jpegDecoderLimitMb(frame),
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

function megabytes(bytes: number): string {
  return `${(bytes / BYTES_PER_MB).toFixed(1)} MB`;
}

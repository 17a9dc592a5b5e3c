import { GradlensError } from '../errors.ts';
import { isFrameHeader } from './read-jpeg-header.ts';
import { walkJpegSegments } from './walk-jpeg-segments.ts';

const START_OF_SCAN = 0xda;
/**
 * Every scan is a full pass of jpeg-js over the image's coefficients, however few bytes it takes, so
 * thousands of tiny scans would cost thousands of passes. Real encoders write far fewer: libjpeg's
 * default progressive scripts have 6 (gray), 10 (YCbCr) or 18 (four components) scans, a baseline
 * file has one, or one a component. 100 leaves ample room for any other encoder's script.
 */
export const MAX_JPEG_SCANS = 100;

/**
 * Walks a JPEG to its end of image, through the entropy-coded data of each scan, and refuses a file
 * with more than MAX_JPEG_SCANS scans ('image/too-large': too costly to decode, whatever its size) or
 * a second frame header ('image/corrupt': jpeg-js would allocate for each before refusing it).
 */
export function checkJpegScans(bytes: Uint8Array): void {
  let scans = 0;
  let frames = 0;
  walkJpegSegments(
    bytes,
    (marker) => {
      if (isFrameHeader(marker) && ++frames > 1) {
        throw new GradlensError('image/corrupt', 'The JPEG file has more than one frame header (SOF).', 'Re-download or re-export the image and try again.');
      }
      if (marker === START_OF_SCAN && ++scans > MAX_JPEG_SCANS) {
        throw new GradlensError(
          'image/too-large',
          `The JPEG file has more than ${MAX_JPEG_SCANS} scans; each is a full pass over the image, and no ordinary encoder writes so many.`,
          'Re-save the image as a baseline JPEG or as PNG and try again.',
        );
      }
      return undefined;
    },
    { throughScans: true },
  );
}

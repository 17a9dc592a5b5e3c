import { GradlensError } from '../errors.ts';
import { SUPPORTED_FORMATS_HINT, type ImageHeader } from './image-header.ts';
import { readJpegHeader } from './read-jpeg-header.ts';
import { PNG_SIGNATURE, readPngHeader } from './read-png-header.ts';

const JPEG_START_OF_IMAGE = [0xff, 0xd8];

/** Formats people often upload that gradlens does not read, named so the error can say which. */
const KNOWN_OTHER_FORMATS: Array<{ name: string; matches: (bytes: Uint8Array) => boolean }> = [
  { name: 'GIF', matches: (b) => ascii(b, 0, 4) === 'GIF8' },
  { name: 'WebP', matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { name: 'BMP', matches: (b) => ascii(b, 0, 2) === 'BM' },
  { name: 'TIFF', matches: (b) => ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*' },
  { name: 'HEIF/AVIF', matches: (b) => ascii(b, 4, 8) === 'ftyp' },
];

/**
 * Format and size of a PNG or JPEG from its header alone, so a caller can refuse an image over its
 * pixel budget before decoding allocates anything.
 *
 * @example
 * const { width, height } = readImageHeader(bytes);
 * if (width * height > budget) reject();
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (bytes.length === 0) {
    throw new GradlensError('image/empty', 'The image file is empty (0 bytes).', SUPPORTED_FORMATS_HINT);
  }
  if (startsWithPrefixOf(bytes, PNG_SIGNATURE)) {
    if (bytes.length < PNG_SIGNATURE.length) {
      throw new GradlensError('image/corrupt', `The PNG file is cut short (${bytes.length} bytes).`);
    }
    return readPngHeader(bytes);
  }
  if (startsWithPrefixOf(bytes, JPEG_START_OF_IMAGE)) {
    if (bytes.length < JPEG_START_OF_IMAGE.length) {
      throw new GradlensError('image/corrupt', `The JPEG file is cut short (${bytes.length} byte).`);
    }
    return readJpegHeader(bytes);
  }
  const other = KNOWN_OTHER_FORMATS.find((format) => format.matches(bytes));
  const what = other ? `a ${other.name} image` : 'not a PNG or JPEG image';
  throw new GradlensError('image/unsupported', `The file is ${what}.`, SUPPORTED_FORMATS_HINT);
}

/**
 * True when the bytes begin with the signature, or are a non-empty beginning of it: a file cut
 * inside its signature is a truncated image of that format, not an unknown one.
 */
function startsWithPrefixOf(bytes: Uint8Array, signature: number[]): boolean {
  const length = Math.min(bytes.length, signature.length);
  for (let i = 0; i < length; i++) {
    if (bytes[i] !== signature[i]) return false;
  }
  return true;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  if (bytes.length < end) return '';
  return String.fromCharCode(...bytes.subarray(start, end));
}

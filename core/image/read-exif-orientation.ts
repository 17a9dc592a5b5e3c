import { walkJpegSegments } from './walk-jpeg-segments.ts';

const APP1 = 0xe1;
const ORIENTATION_TAG = 0x0112;
const EXIF_SIGNATURE = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

/**
 * The EXIF orientation (1–8) of a JPEG, 1 when it has none or it cannot be read: cameras store pixels
 * as the sensor saw them and say in this tag how to turn them. Reads IFD0 of the APP1 Exif segment
 * (TIFF, either byte order); every offset is checked against the segment, so a broken tag is ignored.
 */
export function readExifOrientation(bytes: Uint8Array): number {
  const walk = walkJpegSegments(bytes, (marker, offset, length) => {
    if (marker !== APP1) return undefined;
    const start = offset + 2;
    const end = Math.min(bytes.length, offset + length);
    if (end - start < 14 || EXIF_SIGNATURE.some((b, i) => bytes[start + i] !== b)) return undefined;
    return orientationInTiff(bytes.subarray(start + 6, end)) ?? undefined;
  });
  return 'found' in walk ? walk.found : 1;
}

function orientationInTiff(tiff: Uint8Array): number | null {
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const u16 = (at: number) => (at + 2 <= tiff.length ? (little ? tiff[at] | (tiff[at + 1] << 8) : (tiff[at] << 8) | tiff[at + 1]) : -1);
  const u32 = (at: number) => (at + 4 <= tiff.length ? (u16(at) * (little ? 1 : 65536) + u16(at + 2) * (little ? 65536 : 1)) >>> 0 : -1);
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  const entries = u16(ifd);
  if (ifd < 8 || entries < 0) return null;
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + 12 * i;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) !== ORIENTATION_TAG) continue;
    const value = u16(entry + 8);
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

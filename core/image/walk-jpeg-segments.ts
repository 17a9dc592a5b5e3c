import { GradlensError } from '../errors.ts';

const START_OF_SCAN = 0xda;
const END_OF_IMAGE = 0xd9;

/** Markers that stand alone, without a length field: TEM, RST0–RST7, SOI. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);
}

export function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Walks a JPEG's marker segments before its image data, in order, calling `visit` with each marker and
 * the offset of its 2-byte length field, until `visit` returns a value. Stray bytes and 0xFF fill bytes
 * before a marker are skipped, as libjpeg does. Ends at the start of scan or end of image ('data'), or
 * at the end of the bytes ('end'); a length field below 2 is refused as corrupt.
 */
export function walkJpegSegments<T>(bytes: Uint8Array, visit: (marker: number, offset: number, length: number) => T | undefined): { found: T } | { ended: 'data' | 'end' } {
  let offset = 2; // past SOI
  while (offset < bytes.length) {
    while (offset < bytes.length && bytes[offset] !== 0xff) offset++;
    while (offset < bytes.length && bytes[offset] === 0xff) offset++;
    if (offset >= bytes.length) break;
    const marker = bytes[offset++];
    if (isStandalone(marker)) continue;
    if (marker === END_OF_IMAGE || marker === START_OF_SCAN) return { ended: 'data' };
    if (offset + 2 > bytes.length) break;
    const length = (bytes[offset] << 8) | bytes[offset + 1];
    if (length < 2) throw new GradlensError('image/corrupt', `The JPEG file has a malformed segment (marker 0xFF${hex(marker)}).`);
    const found = visit(marker, offset, length);
    if (found !== undefined) return { found };
    offset += length;
  }
  return { ended: 'end' };
}

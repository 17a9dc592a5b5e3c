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

export interface WalkOptions {
  /** Go on past each start of scan (SOS, visited too) and its entropy-coded data, to the end of image. */
  throughScans?: boolean;
}

/**
 * Walks a JPEG's marker segments, in order, calling `visit` with each marker and the offset of its
 * 2-byte length field, until `visit` returns a value. Stray bytes and 0xFF fill bytes before a marker
 * are skipped, as libjpeg does. Ends at the first start of scan, or with `throughScans` at the end of
 * image ('data' either way), or at the end of the bytes ('end'); a length field below 2 is refused as corrupt.
 */
export function walkJpegSegments<T>(
  bytes: Uint8Array,
  visit: (marker: number, offset: number, length: number) => T | undefined,
  options: WalkOptions = {},
): { found: T } | { ended: 'data' | 'end' } {
  let offset = 2; // past SOI
  while (offset < bytes.length) {
    while (offset < bytes.length && bytes[offset] !== 0xff) offset++;
    while (offset < bytes.length && bytes[offset] === 0xff) offset++;
    if (offset >= bytes.length) break;
    const marker = bytes[offset++];
    if (isStandalone(marker)) continue;
    if (marker === END_OF_IMAGE || (marker === START_OF_SCAN && !options.throughScans)) return { ended: 'data' };
    if (offset + 2 > bytes.length) break;
    const length = (bytes[offset] << 8) | bytes[offset + 1];
    if (length < 2) throw new GradlensError('image/corrupt', `The JPEG file has a malformed segment (marker 0xFF${hex(marker)}).`);
    const found = visit(marker, offset, length);
    if (found !== undefined) return { found };
    offset += length;
    if (marker === START_OF_SCAN) offset = endOfEntropyCodedData(bytes, offset);
  }
  return { ended: 'end' };
}

/**
 * Where a scan's entropy-coded data ends: at the first 0xFF that starts a marker. Inside the data
 * 0xFF is followed by 0x00 (a stuffed data byte) or a restart marker RST0–RST7, which belong to it.
 */
function endOfEntropyCodedData(bytes: Uint8Array, start: number): number {
  for (let i = start; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1];
    if (next === 0xff) continue; // fill: the next 0xFF may begin the marker
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
      i++;
      continue;
    }
    return i;
  }
  return bytes.length;
}

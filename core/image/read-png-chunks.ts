import { GradlensError } from '../errors.ts';
import { crc32 } from './crc32.ts';
import { joinBytes } from './join-bytes.ts';
import { parseIhdr, PALETTE_COLOR_TYPE, type PngImageHeader } from './parse-ihdr.ts';
import { PNG_SIGNATURE } from './read-png-header.ts';

/** What a PNG's chunks hold for decoding its pixels, with nothing inflated yet. */
export interface PngChunks {
  header: PngImageHeader;
  /** PLTE: red, green, blue of each entry. */
  palette?: Uint8Array;
  /** tRNS as stored: palette alphas, or a gray or RGB color key of 16-bit samples. */
  transparency?: Uint8Array;
  /** The IDAT chunks' data, joined: one zlib stream. */
  imageData: Uint8Array;
}

// length (4) + type (4) before the data, CRC (4) after it
const FRAMING = 12;
const MAX_CHUNK_LENGTH = 2 ** 31 - 1;
/** Bit 5 of a type's first letter: clear (upper case) for a critical chunk, one a decoder must understand. */
const ANCILLARY_BIT = 0x20;

/**
 * Walks a PNG's chunks (PNG spec §5) to IEND, checking each CRC and the order the specification
 * requires: IHDR first and once, at most one PLTE and before the image data, the IDAT chunks in one
 * unbroken run, then IEND. Ancillary chunks are skipped unread (iCCP, zTXt and iTXt are never
 * inflated; APNG's frames are ancillary, so the default image is what decodes), except tRNS.
 * Structural faults are plain Errors; an unknown critical chunk is 'image/unsupported'.
 */
export function readPngChunks(bytes: Uint8Array): PngChunks {
  for (let i = 0; i < PNG_SIGNATURE.length; i++) {
    if (bytes[i] !== PNG_SIGNATURE[i]) throw new Error('no PNG signature');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: PngImageHeader | undefined;
  let palette: Uint8Array | undefined;
  let seenPalette = false;
  let transparency: Uint8Array | undefined;
  let seenTransparency = false;
  const imageChunks: Uint8Array[] = [];
  let imageDataEnded = false;
  for (let offset = PNG_SIGNATURE.length; ; ) {
    if (offset + FRAMING > bytes.length) throw new Error(`the file ends at byte ${bytes.length}, before its IEND chunk`);
    const length = view.getUint32(offset);
    const type = chunkType(bytes, offset + 4);
    const critical = (bytes[offset + 4] & ANCILLARY_BIT) === 0;
    const dataStart = offset + 8;
    if (length > MAX_CHUNK_LENGTH || dataStart + length + 4 > bytes.length) throw new Error(`chunk ${type} at byte ${offset} runs past the end of the file`);
    if (view.getUint32(dataStart + length) !== crc32(bytes, offset + 4, dataStart + length)) throw new Error(`chunk ${type} at byte ${offset} fails its CRC check`);
    const data = bytes.subarray(dataStart, dataStart + length);
    offset = dataStart + length + 4;
    if (!header) {
      if (type !== 'IHDR') throw new Error(`the first chunk is ${type}, not IHDR`);
      header = parseIhdr(data);
      continue;
    }
    if (imageChunks.length > 0 && type !== 'IDAT') imageDataEnded = true;
    if (type === 'IEND') break;
    if (type === 'IHDR') throw new Error('more than one IHDR (image header) chunk');
    if (type === 'IDAT') {
      if (imageDataEnded) throw new Error('the IDAT chunks are not consecutive');
      imageChunks.push(data);
    } else if (type === 'PLTE') {
      if (seenPalette) throw new Error('more than one PLTE chunk');
      if (imageChunks.length > 0) throw new Error('the PLTE chunk comes after the image data');
      seenPalette = true;
      palette = checkPalette(data, header);
    } else if (type === 'tRNS') {
      if (seenTransparency) throw new Error('more than one tRNS chunk');
      seenTransparency = true;
      if (imageChunks.length === 0) transparency = checkTransparency(data, header, palette);
    } else if (critical) {
      throw new GradlensError(
        'image/unsupported',
        `The PNG file has a critical chunk "${type}" that gradlens does not know, so its pixels cannot be decoded reliably.`,
        'Re-save the image as a plain PNG, or as JPEG, from any image editor.',
      );
    }
  }
  if (!header) throw new Error('no IHDR chunk');
  if (imageChunks.length === 0) throw new Error('no IDAT (image data) chunk');
  if (header.colorType === PALETTE_COLOR_TYPE && !palette) throw new Error('it is a palette image but has no PLTE (palette) chunk');
  return { header, palette, transparency, imageData: joinBytes(imageChunks) };
}

/** A chunk type: four ASCII letters (PNG spec §5.3). */
function chunkType(bytes: Uint8Array, start: number): string {
  const type = String.fromCharCode(bytes[start], bytes[start + 1], bytes[start + 2], bytes[start + 3]);
  if (!/^[A-Za-z]{4}$/.test(type)) throw new Error(`invalid chunk type at byte ${start - 4}`);
  return type;
}

/** PLTE is for palette images; RGB ones may suggest one, which is ignored; gray ones must not (§11.2.3). */
function checkPalette(data: Uint8Array, header: PngImageHeader): Uint8Array | undefined {
  if (header.colorType === 0 || header.colorType === 4) throw new Error('a gray image has a PLTE chunk');
  const entries = data.length / 3;
  if (!Number.isInteger(entries) || entries < 1 || entries > 256) throw new Error(`PLTE chunk of ${data.length} bytes, not 3 to 768 in steps of 3`);
  if (header.colorType !== PALETTE_COLOR_TYPE) return undefined;
  if (entries > 2 ** header.depth) throw new Error(`the palette has ${entries} entries, more than ${header.depth}-bit indices can reach`);
  return data;
}

/**
 * tRNS (§11.3.2.1): palette alphas, after PLTE and at most one a palette entry; or one gray or RGB
 * color key. As libpng and browsers do, a tRNS that cannot apply (on an image with an alpha channel,
 * a key of the wrong size; the caller also skips one after the image data) is ignored: undefined.
 */
function checkTransparency(data: Uint8Array, header: PngImageHeader, palette: Uint8Array | undefined): Uint8Array | undefined {
  if (header.colorType === PALETTE_COLOR_TYPE) {
    if (!palette) throw new Error('the tRNS chunk comes before the PLTE chunk');
    if (data.length > palette.length / 3) throw new Error(`tRNS has ${data.length} alphas for a palette of ${palette.length / 3} colors`);
    return data;
  }
  const keyBytes = header.channels === 1 ? 2 : header.channels === 3 ? 6 : 0;
  return data.length === keyBytes ? data : undefined;
}

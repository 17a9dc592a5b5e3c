import { GradlensError } from '../errors.ts';
import { deinterlaceAdam7 } from './deinterlace-adam7.ts';
import { inflateBounded } from './inflate-bounded.ts';
import { PALETTE_COLOR_TYPE, type PngImageHeader } from './parse-ihdr.ts';
import { inflatedLength, pngPasses } from './png-passes.ts';
import { readPngChunks } from './read-png-chunks.ts';
import { unfilterScanlines } from './unfilter-scanlines.ts';

/** A PNG's samples as stored, before any conversion: what `pngToRgb` turns into 8-bit RGB. */
export interface PngSamples {
  width: number;
  height: number;
  /** Samples a pixel: 1 (gray or palette index), 2 (gray, alpha), 3 (RGB), 4 (RGBA). */
  channels: number;
  /** Bits a sample: 1, 2, 4, 8 or 16. */
  depth: number;
  /** Below 8 bits, rows packed as PNG stores them; else one byte, or one 16-bit value, a sample. */
  data: Uint8Array | Uint8ClampedArray | Uint16Array;
  /** Palette images: [red, green, blue] or, with tRNS, [red, green, blue, alpha] an entry. */
  palette?: ReadonlyArray<ReadonlyArray<number>>;
  /** Gray or RGB images with tRNS: the fully transparent color, in file samples. */
  transparency?: Uint16Array;
}

/**
 * The most bytes DEFLATE can inflate a byte of input to: 258 (the longest match) for every two bits,
 * the shortest that a length code and a distance code can be. A header implying more is refused unread.
 */
const MAX_DEFLATE_EXPANSION = 1032;
const BOMB_HINT = 'The file is damaged, or built to make a decoder run out of memory; re-export the image and try again.';
const DAMAGED_HINT = 'Re-download or re-export the image and try again.';

/**
 * Decodes a PNG's chunks, image data and filters to its samples. The image data is inflated into one
 * buffer of exactly the size the header implies, and refused the moment it would inflate past it.
 * Throws GradlensError 'image/corrupt' for image data of the wrong length and 'image/unsupported' for
 * unknown critical chunks; other faults are plain Errors for the caller to word.
 */
export function decodePngSamples(bytes: Uint8Array): PngSamples {
  const { header, palette, transparency, imageData } = readPngChunks(bytes);
  const passes = pngPasses(header);
  const length = inflatedLength(passes);
  const implied = `the ${length} bytes its ${header.width}×${header.height} header implies`;
  if (length > MAX_DEFLATE_EXPANSION * imageData.length) {
    throw new GradlensError('image/corrupt', `The PNG image data (${imageData.length} bytes compressed) cannot inflate to ${implied}.`, DAMAGED_HINT);
  }
  const inflated = inflateBounded(imageData, {
    length,
    tooLong: () => new GradlensError('image/corrupt', `The PNG image data inflates beyond ${implied}.`, BOMB_HINT),
    tooShort: (inflatedBytes) => new GradlensError('image/corrupt', `The PNG image data ends after ${inflatedBytes} of ${implied}.`, DAMAGED_HINT),
  });
  const pixelBytes = Math.max(1, (header.channels * header.depth) >> 3);
  let from = 0;
  let to = 0;
  for (const pass of passes) {
    unfilterScanlines(inflated, from, to, pass.height, pass.rowBytes, pixelBytes);
    from += pass.height * (pass.rowBytes + 1);
    to += pass.height * pass.rowBytes;
  }
  const rows = header.interlaced ? deinterlaceAdam7(inflated, passes, header) : inflated.subarray(0, to);
  return {
    width: header.width,
    height: header.height,
    channels: header.channels,
    depth: header.depth,
    data: header.depth === 16 ? bigEndianSamples(rows) : rows,
    ...colorTables(header, palette, transparency),
  };
}

/** 16-bit samples from their big-endian bytes (PNG spec §7.1), converted in place. */
function bigEndianSamples(rows: Uint8Array): Uint16Array {
  const samples = new Uint16Array(rows.buffer, rows.byteOffset, rows.length >> 1);
  for (let i = 0; i < samples.length; i++) samples[i] = (rows[2 * i] << 8) | rows[2 * i + 1];
  return samples;
}

/** The palette with each entry's tRNS alpha (255 past the alphas given), or the tRNS color key. */
function colorTables(header: PngImageHeader, palette?: Uint8Array, transparency?: Uint8Array): Pick<PngSamples, 'palette' | 'transparency'> {
  if (header.colorType === PALETTE_COLOR_TYPE && palette) {
    const entries: number[][] = [];
    for (let entry = 0; entry < palette.length / 3; entry++) {
      const rgb = [palette[entry * 3], palette[entry * 3 + 1], palette[entry * 3 + 2]];
      entries.push(transparency ? [...rgb, entry < transparency.length ? transparency[entry] : 255] : rgb);
    }
    return { palette: entries };
  }
  return transparency ? { transparency: bigEndianSamples(transparency.slice()) } : {};
}

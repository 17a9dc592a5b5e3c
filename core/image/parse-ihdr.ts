/** PNG color types (PNG spec §11.2.2) and the samples each pixel has. */
const CHANNELS_OF_COLOR_TYPE: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Bit depths each color type allows. */
const DEPTHS_OF_COLOR_TYPE: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
export const PALETTE_COLOR_TYPE = 3;
const MAX_DIMENSION = 2 ** 31 - 1;

/** Everything a PNG's IHDR chunk says, checked. */
export interface PngImageHeader {
  width: number;
  height: number;
  /** Bits a sample: 1, 2, 4, 8 or 16. */
  depth: number;
  /** 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA. */
  colorType: number;
  /** Samples a pixel: 1 (gray or palette index), 2, 3 or 4. */
  channels: number;
  /** Adam7 (interlace method 1) rather than rows top to bottom. */
  interlaced: boolean;
}

/**
 * The 13 data bytes of an IHDR chunk, refused unless every field has a value the PNG specification
 * defines (§11.2.2): dimensions 1 to 2^31 − 1, a color type with one of its bit depths, compression
 * and filter method 0, interlace method 0 or 1. Faults are plain Errors, worded as the decoder's.
 */
export function parseIhdr(data: Uint8Array): PngImageHeader {
  if (data.length !== 13) throw new Error(`IHDR chunk of ${data.length} bytes, not 13`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const [depth, colorType, compression, filter, interlace] = data.subarray(8);
  if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) throw new Error(`invalid image size ${width}×${height}`);
  const depths = DEPTHS_OF_COLOR_TYPE[colorType];
  if (!depths) throw new Error(`unknown color type ${colorType}`);
  if (!depths.includes(depth)) throw new Error(`bit depth ${depth} is not allowed for color type ${colorType}`);
  if (compression !== 0) throw new Error(`unknown compression method ${compression}`);
  if (filter !== 0) throw new Error(`unknown filter method ${filter}`);
  if (interlace > 1) throw new Error(`unknown interlace method ${interlace}`);
  return { width, height, depth, colorType, channels: CHANNELS_OF_COLOR_TYPE[colorType], interlaced: interlace === 1 };
}

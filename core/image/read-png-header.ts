import { GradlensError } from '../errors.ts';
import type { ImageHeader } from './image-header.ts';

/** The 8 bytes every PNG file starts with. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4)
const IHDR_DIMENSIONS_END = 24;
const IHDR_TYPE = [0x49, 0x48, 0x44, 0x52];

/** Width and height from a PNG's IHDR chunk, which the format requires to come first. */
export function readPngHeader(bytes: Uint8Array): ImageHeader {
  if (bytes.length < IHDR_DIMENSIONS_END) {
    throw new GradlensError('image/corrupt', `The PNG file is cut short (${bytes.length} bytes, no complete header).`);
  }
  for (let i = 0; i < IHDR_TYPE.length; i++) {
    if (bytes[12 + i] !== IHDR_TYPE[i]) {
      throw new GradlensError('image/corrupt', 'The PNG file does not start with an IHDR chunk.');
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) {
    throw new GradlensError('image/corrupt', `The PNG header declares an empty image (${width}×${height}).`);
  }
  return { format: 'png', width, height };
}

import { GradlensError } from '../errors.ts';

const SIGNATURE_LENGTH = 8;
// length (4) + type (4) before the data, CRC (4) after it
const CHUNK_FRAMING_LENGTH = 12;

/**
 * Refuses a PNG with a second IHDR chunk. fast-png lets a later IHDR replace the first, so a file
 * could pass the pixel-budget check with a small first header and then allocate for a huge second
 * one. Walking chunk lengths costs a few reads per chunk; truncation is left to the decoder.
 */
export function checkSingleIhdr(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = SIGNATURE_LENGTH;
  let chunkIndex = 0;
  while (offset + 8 <= bytes.length) {
    const dataLength = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (type === 'IHDR' && chunkIndex > 0) {
      throw new GradlensError('image/corrupt', 'The PNG file has more than one IHDR (image header) chunk.');
    }
    if (type === 'IEND') return;
    offset += dataLength + CHUNK_FRAMING_LENGTH;
    chunkIndex++;
  }
}

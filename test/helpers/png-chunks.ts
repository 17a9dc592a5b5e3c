/**
 * Test-only PNG surgery: add or rewrite chunks with valid CRCs, to build files fast-png's encoder
 * cannot write (tRNS color keys, lying headers, duplicate headers). Pure TypeScript, so the edge tests
 * (in workerd) use it too. The CRC is the core's (its own test checks it against node:zlib).
 */
import { crc32 } from '../../core/image/crc32.ts';
import { joinBytes } from '../../core/image/join-bytes.ts';
import { PNG_SIGNATURE } from '../../core/image/read-png-header.ts';

/** One complete chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk, 4, 8 + data.length));
  return chunk;
}

/** The PNG with `chunk` inserted just before its first chunk of type `before`. */
export function insertChunkBefore(png: Uint8Array, before: string, chunk: Uint8Array): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  while (offset < png.length) {
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    if (type === before) break;
    offset += view.getUint32(offset) + 12;
  }
  const result = new Uint8Array(png.length + chunk.length);
  result.set(png.subarray(0, offset), 0);
  result.set(chunk, offset);
  result.set(png.subarray(offset), offset + chunk.length);
  return result;
}

/** 13 bytes of IHDR data; by default for an 8-bit RGB image, not interlaced. */
export function ihdrData(width: number, height: number, { depth = 8, colorType = 2, interlaced = false } = {}): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data[8] = depth;
  data[9] = colorType;
  data[12] = interlaced ? 1 : 0;
  return data;
}

/** 13 bytes of IHDR data for an 8-bit RGB image of the given size. */
export function rgbIhdrData(width: number, height: number): Uint8Array {
  return ihdrData(width, height);
}

/** A PNG file: the signature, then these chunks (see pngChunk) as they are. */
export function pngFile(chunks: Uint8Array[]): Uint8Array {
  return joinBytes([Uint8Array.from(PNG_SIGNATURE), ...chunks]);
}

/** The PNG with its IHDR (the first chunk) declaring another size, CRC recomputed. */
export function withIhdrSize(png: Uint8Array, width: number, height: number): Uint8Array {
  const result = png.slice();
  const view = new DataView(result.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  view.setUint32(29, crc32(result.subarray(12, 29)));
  return result;
}

/**
 * Decompression-bomb PNGs of about 1 MB each, whose zlib streams inflate to 1 GiB of zeros (see
 * zlibOfZeros); built without node:zlib, so the core tests and the edge tests (workerd) share them.
 */
import { ihdrData, insertChunkBefore, pngChunk, pngFile } from './png-chunks.ts';
import { zlibOfZeros } from './zlib-zeros.ts';

export const GIBIBYTE = 2 ** 30;

/** An 8-bit RGB PNG with an honest `width`×`height` header whose image data inflates to `inflatedBytes`. */
export function idatBombPng(width: number, height: number, inflatedBytes = GIBIBYTE): Uint8Array {
  return pngFile([pngChunk('IHDR', ihdrData(width, height)), pngChunk('IDAT', zlibOfZeros(inflatedBytes)), pngChunk('IEND', new Uint8Array(0))]);
}

/**
 * The PNG with an iCCP chunk (an embedded color profile, PNG spec §11.3.3.3) whose compressed profile
 * inflates to `inflatedBytes`; otherwise the image is as valid as before.
 */
export function withIccpBomb(png: Uint8Array, inflatedBytes = GIBIBYTE): Uint8Array {
  const name = new TextEncoder().encode('ICC profile');
  const profile = zlibOfZeros(inflatedBytes);
  // profile name, a null separator, compression method 0 (zlib), the compressed profile
  const data = new Uint8Array(name.length + 2 + profile.length);
  data.set(name, 0);
  data.set(profile, name.length + 2);
  return insertChunkBefore(png, 'IDAT', pngChunk('iCCP', data));
}

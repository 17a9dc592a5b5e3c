import type { PngImageHeader } from './parse-ihdr.ts';
import type { PngPass } from './png-passes.ts';

/**
 * The full image, rows of ceil(width × channels × depth / 8) bytes as a plain PNG stores them, from
 * Adam7 passes whose unfiltered rows lie back to back in `passData` in pass order. Below 8 bits a
 * sample is moved bit by bit (palette and gray images have one sample a pixel, first in the high bits).
 */
export function deinterlaceAdam7(passData: Uint8Array, passes: PngPass[], header: PngImageHeader): Uint8Array {
  const bitsPerPixel = header.channels * header.depth;
  const rowBytes = Math.ceil((header.width * bitsPerPixel) / 8);
  const image = new Uint8Array(rowBytes * header.height);
  let passStart = 0;
  for (const pass of passes) {
    for (let y = 0; y < pass.height; y++) {
      const source = passStart + y * pass.rowBytes;
      const target = (pass.startY + y * pass.stepY) * rowBytes;
      if (bitsPerPixel >= 8) copyPixels(passData, source, image, target, pass, bitsPerPixel >> 3);
      else copySamples(passData, source, image, target, pass, bitsPerPixel);
    }
    passStart += pass.height * pass.rowBytes;
  }
  return image;
}

function copyPixels(passData: Uint8Array, source: number, image: Uint8Array, target: number, pass: PngPass, pixelBytes: number): void {
  for (let x = 0; x < pass.width; x++) {
    const from = source + x * pixelBytes;
    const to = target + (pass.startX + x * pass.stepX) * pixelBytes;
    for (let i = 0; i < pixelBytes; i++) image[to + i] = passData[from + i];
  }
}

function copySamples(passData: Uint8Array, source: number, image: Uint8Array, target: number, pass: PngPass, depth: number): void {
  const mask = (1 << depth) - 1;
  for (let x = 0; x < pass.width; x++) {
    const fromBit = x * depth;
    const sample = (passData[source + (fromBit >> 3)] >> (8 - depth - (fromBit & 7))) & mask;
    const toBit = (pass.startX + x * pass.stepX) * depth;
    image[target + (toBit >> 3)] |= sample << (8 - depth - (toBit & 7));
  }
}

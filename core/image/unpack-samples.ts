/**
 * One byte per sample from a PNG's packed 1-, 2- or 4-bit rows (gray or palette indices).
 * Each row starts on a byte boundary, so rows are unpacked separately.
 */
export function unpackSamples(packed: Uint8Array, width: number, height: number, bitDepth: number): Uint8Array {
  const bytesPerRow = Math.ceil((width * bitDepth) / 8);
  const samplesPerByte = 8 / bitDepth;
  const sampleMask = (1 << bitDepth) - 1;
  const samples = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const rowStart = row * bytesPerRow;
    for (let column = 0; column < width; column++) {
      const byte = packed[rowStart + Math.floor(column / samplesPerByte)];
      // The first sample of a byte sits in its most significant bits.
      const shift = 8 - bitDepth * ((column % samplesPerByte) + 1);
      samples[row * width + column] = (byte >> shift) & sampleMask;
    }
  }
  return samples;
}

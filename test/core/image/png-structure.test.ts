import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../core/image/index.ts';
import { encodeTestPng } from '../../helpers/encode-test-png.ts';
import { ihdrData, insertChunkBefore, pngChunk, pngFile } from '../../helpers/png-chunks.ts';

/** A 3×2 8-bit palette image with a 4-entry palette, and its chunks for rearranging. */
const INDICES = [0, 1, 2, 3, 2, 1];
const PALETTE = Uint8Array.from([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
const palettePng = encodeTestPng(INDICES, { width: 3, height: 2, colorType: 3, depth: 8, palette: PALETTE });
const EXPECTED_RGB = INDICES.flatMap((index) => [...PALETTE.subarray(index * 3, index * 3 + 3)]);

/** The chunks of a PNG, as complete chunks, in order. */
function chunksOf(png: Uint8Array): Array<{ type: string; chunk: Uint8Array }> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Array<{ type: string; chunk: Uint8Array }> = [];
  for (let offset = 8; offset < png.length; ) {
    const end = offset + 12 + view.getUint32(offset);
    chunks.push({ type: String.fromCharCode(...png.subarray(offset + 4, offset + 8)), chunk: png.subarray(offset, end) });
    offset = end;
  }
  return chunks;
}

/** The palette image rebuilt from its chunks in the order of `types` (each type once, as found). */
function rearranged(types: string[]): Uint8Array {
  const byType = new Map(chunksOf(palettePng).map(({ type, chunk }) => [type, chunk]));
  return pngFile(types.map((type) => byType.get(type) ?? pngChunk(type, new Uint8Array(1))));
}

function failure(png: Uint8Array): { code?: string; message?: string } {
  try {
    decodeImage(png);
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  return {};
}

describe('the PNG chunk reader', () => {
  it('decodes the well-formed palette image', () => {
    expect(Array.from(decodeImage(palettePng).data)).toEqual(EXPECTED_RGB);
  });

  it('refuses a palette image without PLTE, saying so', () => {
    expect(failure(rearranged(['IHDR', 'IDAT', 'IEND']))).toMatchObject({ code: 'image/corrupt', message: expect.stringMatching(/palette image but has no PLTE/) });
  });

  it('refuses chunks out of the order the specification requires', () => {
    expect(failure(rearranged(['PLTE', 'IHDR', 'IDAT', 'IEND'])).message).toMatch(/does not start with an IHDR/);
    expect(failure(rearranged(['IHDR', 'IDAT', 'PLTE', 'IEND'])).message).toMatch(/PLTE chunk comes after the image data/);
    expect(failure(rearranged(['IHDR', 'PLTE', 'PLTE', 'IDAT', 'IEND'])).message).toMatch(/more than one PLTE/);
    expect(failure(rearranged(['IHDR', 'PLTE', 'IDAT'])).message).toMatch(/before its IEND/);
    expect(failure(rearranged(['IHDR', 'PLTE', 'IEND'])).message).toMatch(/no IDAT/);
  });

  it('refuses IDAT chunks with another chunk between them', () => {
    const split = encodeTestPng(INDICES, { width: 3, height: 2, colorType: 3, depth: 8, palette: PALETTE, idatChunkBytes: 8 });
    expect(chunksOf(split).filter(({ type }) => type === 'IDAT').length).toBeGreaterThan(1);
    expect(Array.from(decodeImage(split).data)).toEqual(EXPECTED_RGB);
    const idats = chunksOf(split).filter(({ type }) => type === 'IDAT').map(({ chunk }) => chunk);
    const interrupted = pngFile([chunksOf(split)[0].chunk, chunksOf(split)[1].chunk, idats[0], pngChunk('tEXt', new TextEncoder().encode('a\0b')), ...idats.slice(1), pngChunk('IEND', new Uint8Array(0))]);
    expect(failure(interrupted).message).toMatch(/IDAT chunks are not consecutive/);
  });

  it('calls an unknown critical chunk unsupported, and skips unknown ancillary ones', () => {
    expect(failure(insertChunkBefore(palettePng, 'IDAT', pngChunk('ABCD', new Uint8Array(4))))).toMatchObject({ code: 'image/unsupported' });
    expect(Array.from(decodeImage(insertChunkBefore(palettePng, 'IDAT', pngChunk('abCD', new Uint8Array(4)))).data)).toEqual(EXPECTED_RGB);
  });

  it('checks the CRC of every chunk, skipped ones too', () => {
    const withText = insertChunkBefore(palettePng, 'IDAT', pngChunk('tEXt', new TextEncoder().encode('Comment\0hello')));
    const damaged = withText.slice();
    const textStart = chunksOf(withText).findIndex(({ type }) => type === 'tEXt');
    const offset = chunksOf(withText).slice(0, textStart).reduce((sum, { chunk }) => sum + chunk.length, 8);
    damaged[offset + 10] ^= 1;
    expect(failure(damaged)).toMatchObject({ code: 'image/corrupt', message: expect.stringMatching(/tEXt .* fails its CRC check/) });
  });

  it('refuses more palette entries than the bit depth can index, and tRNS before PLTE or longer than it', () => {
    const twoBit = encodeTestPng([0, 1, 2, 3], { width: 4, height: 1, colorType: 3, depth: 2, palette: new Uint8Array(5 * 3) });
    expect(failure(twoBit).message).toMatch(/palette has 5 entries, more than 2-bit indices can reach/);
    const trns = pngChunk('tRNS', Uint8Array.from([0, 128]));
    const chunks = chunksOf(palettePng).map(({ chunk }) => chunk);
    expect(failure(pngFile([chunks[0], trns, ...chunks.slice(1)])).message).toMatch(/tRNS chunk comes before the PLTE/);
    const tooLong = encodeTestPng(INDICES, { width: 3, height: 2, colorType: 3, depth: 8, palette: PALETTE, transparency: new Uint8Array(5) });
    expect(failure(tooLong).message).toMatch(/tRNS has 5 alphas for a palette of 4 colors/);
  });

  it('refuses a palette index past the end of the palette', () => {
    const png = encodeTestPng([0, 1, 4], { width: 3, height: 1, colorType: 3, depth: 8, palette: PALETTE });
    expect(failure(png)).toMatchObject({ code: 'image/corrupt', message: expect.stringMatching(/palette entry 4 but its palette has only 4 colors/) });
  });

  it.each([
    ['a 16-bit palette', { depth: 16, colorType: 3 }, /bit depth 16 is not allowed for color type 3/],
    ['4-bit RGB', { depth: 4, colorType: 2 }, /bit depth 4 is not allowed for color type 2/],
    ['color type 5', { depth: 8, colorType: 5 }, /unknown color type 5/],
  ])('refuses an IHDR declaring %s', (_, fields, message) => {
    const png = pngFile([pngChunk('IHDR', ihdrData(1, 1, fields)), pngChunk('IDAT', new Uint8Array(8)), pngChunk('IEND', new Uint8Array(0))]);
    expect(failure(png)).toMatchObject({ code: 'image/corrupt', message: expect.stringMatching(message) });
  });

  it.each([
    [10, 1, /unknown compression method 1/],
    [11, 1, /unknown filter method 1/],
    [12, 2, /unknown interlace method 2/],
  ])('refuses an IHDR with byte %i set to %i', (byte, value, message) => {
    const data = ihdrData(1, 1);
    data[byte] = value;
    const png = pngFile([pngChunk('IHDR', data), pngChunk('IDAT', new Uint8Array(8)), pngChunk('IEND', new Uint8Array(0))]);
    expect(failure(png)).toMatchObject({ code: 'image/corrupt', message: expect.stringMatching(message) });
  });

  it('refuses an unknown row filter type', () => {
    // One gray pixel, filter type 5: zlib stored block of the 2 bytes [5, 0].
    const stream = Uint8Array.from([0x78, 0x01, 1, 2, 0, 0xfd, 0xff, 5, 0, 0x00, 0x0c, 0x00, 0x06]);
    const png = pngFile([pngChunk('IHDR', ihdrData(1, 1, { colorType: 0 })), pngChunk('IDAT', stream), pngChunk('IEND', new Uint8Array(0))]);
    expect(failure(png).message).toMatch(/unknown filter type 5 in row 0/);
  });

  it('decodes the default image of an APNG, skipping its animation chunks', () => {
    const frameControl = pngChunk('fcTL', new Uint8Array(26));
    const animated = insertChunkBefore(insertChunkBefore(palettePng, 'IDAT', pngChunk('acTL', new Uint8Array(8))), 'IEND', pngChunk('fdAT', new Uint8Array(12)));
    expect(Array.from(decodeImage(insertChunkBefore(animated, 'IDAT', frameControl)).data)).toEqual(EXPECTED_RGB);
  });
});

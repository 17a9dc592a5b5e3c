import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../core/image/decode-image.ts';
import { orientImage } from '../../../core/image/orient-image.ts';
import { readExifOrientation } from '../../../core/image/read-exif-orientation.ts';
import type { RgbImage } from '../../../core/types.ts';

/** A gray image from rows of values (R = G = B). */
const gray = (rows: number[][]): RgbImage => ({ width: rows[0].length, height: rows.length, data: Uint8Array.from(rows.flat().flatMap((v) => [v, v, v])) });
const rowsOf = (image: RgbImage) => Array.from({ length: image.height }, (_, y) => Array.from({ length: image.width }, (_, x) => image.data[(y * image.width + x) * 3]));

/** An APP1 Exif segment holding one IFD0 entry: orientation, as a camera writes it. */
function exifSegment(orientation: number, byteOrder: 'II' | 'MM'): number[] {
  const u16 = (v: number) => (byteOrder === 'II' ? [v & 255, v >> 8] : [v >> 8, v & 255]);
  const u32 = (v: number) => (byteOrder === 'II' ? [v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24] : [v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255]);
  const tiff = [...[...byteOrder].map((c) => c.charCodeAt(0)), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0)];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  return [0xff, 0xe1, length >> 8, length & 255, ...payload];
}

/** A real JPEG (16×8: left half red, right half blue) with an Exif orientation after SOI. */
function orientedJpeg(orientation: number | null, byteOrder: 'II' | 'MM' = 'II'): Uint8Array {
  const [width, height] = [16, 8];
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set(i % width < width / 2 ? [255, 0, 0, 255] : [0, 0, 255, 255], i * 4);
  const encoded = new Uint8Array(jpeg.encode({ data: rgba, width, height }, 95).data);
  if (orientation === null) return encoded;
  return Uint8Array.from([...encoded.subarray(0, 2), ...exifSegment(orientation, byteOrder), ...encoded.subarray(2)]);
}

describe('orientImage', () => {
  const image = gray([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  // What a viewer shows for each EXIF orientation (TIFF 6.0 / Exif 2.3 definitions).
  it.each([
    [1, [[1, 2, 3], [4, 5, 6]]],
    [2, [[3, 2, 1], [6, 5, 4]]],
    [3, [[6, 5, 4], [3, 2, 1]]],
    [4, [[4, 5, 6], [1, 2, 3]]],
    [5, [[1, 4], [2, 5], [3, 6]]],
    [6, [[4, 1], [5, 2], [6, 3]]],
    [7, [[6, 3], [5, 2], [4, 1]]],
    [8, [[3, 6], [2, 5], [1, 4]]],
  ])('orientation %i', (orientation, expected) => {
    expect(rowsOf(orientImage(image, orientation))).toEqual(expected);
  });

  it('leaves the image as it is for a value outside 1–8', () => {
    expect(orientImage(image, 0)).toBe(image);
    expect(orientImage(image, 9)).toBe(image);
  });
});

describe('readExifOrientation', () => {
  it.each(['II', 'MM'] as const)('reads the tag in %s byte order', (order) => {
    expect(readExifOrientation(orientedJpeg(6, order))).toBe(6);
    expect(readExifOrientation(orientedJpeg(3, order))).toBe(3);
  });

  it('is 1 without Exif, and for a broken or out-of-range tag', () => {
    expect(readExifOrientation(orientedJpeg(null))).toBe(1);
    expect(readExifOrientation(orientedJpeg(9))).toBe(1);
    // SOI, APP1 marker and length (6 bytes), "Exif\0\0" (6), then TIFF: byte order (2), 42 (2), IFD0 offset (4).
    const pastTheSegment = orientedJpeg(6);
    pastTheSegment[16] = 0xff;
    expect(readExifOrientation(pastTheSegment)).toBe(1);
    const notTiff = orientedJpeg(6);
    notTiff[14] = 0;
    expect(readExifOrientation(notTiff)).toBe(1);
  });
});

describe('decodeImage', () => {
  it('turns a JPEG upright by its Exif orientation, as a browser shows it (6: 90° clockwise)', () => {
    const upright = decodeImage(orientedJpeg(6));
    expect([upright.width, upright.height]).toEqual([8, 16]);
    const at = (x: number, y: number) => Array.from(upright.data.subarray((y * 8 + x) * 3, (y * 8 + x) * 3 + 3));
    // The left (red) half is now on top, the right (blue) half below.
    expect(at(4, 2)[0]).toBeGreaterThan(200);
    expect(at(4, 2)[2]).toBeLessThan(60);
    expect(at(4, 13)[2]).toBeGreaterThan(200);
    expect(at(4, 13)[0]).toBeLessThan(60);
    const plain = decodeImage(orientedJpeg(null));
    expect([plain.width, plain.height]).toEqual([16, 8]);
  });
});

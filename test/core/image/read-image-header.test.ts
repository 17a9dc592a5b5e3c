import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../../core/image/index.ts';
import { sharedDir } from '../../helpers/shared-path.ts';
import { baselineJpeg, jpegFixture } from './jpeg-fixtures.ts';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

const realPng = new Uint8Array(readFileSync(sharedDir('data', 'imagenet_val_25', '01_quail.png')));
const smallJpeg = baselineJpeg(19, 7, new Uint8Array(19 * 7 * 3).fill(90));

describe('readImageHeader', () => {
  it('reads a real PNG', () => {
    expect(readImageHeader(realPng)).toEqual({ format: 'png', width: 224, height: 224 });
  });

  it('reads baseline and progressive JPEGs, width and height in the right order', () => {
    expect(readImageHeader(smallJpeg)).toEqual({ format: 'jpeg', width: 19, height: 7 });
    expect(readImageHeader(jpegFixture('progressive'))).toEqual({ format: 'jpeg', width: 40, height: 24 });
  });

  it('skips APPn segments by their length, even when their payload looks like a frame header', () => {
    // An APP1 segment whose payload contains the bytes of a fake SOF0 declaring 4660×22136.
    const fakeFrame = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x12, 0x34, 0x56, 0x78, 0x03];
    const app1 = [0xff, 0xe1, 0x00, fakeFrame.length + 2 + 4, ...fakeFrame, 1, 2, 3, 4];
    // ...followed by fill bytes (0xFF) before the next marker, which the standard allows.
    const withApp1 = new Uint8Array([0xff, 0xd8, ...app1, 0xff, 0xff, ...smallJpeg.subarray(2)]);
    expect(readImageHeader(withApp1)).toEqual({ format: 'jpeg', width: 19, height: 7 });
  });

  it('calls zero bytes empty', () => {
    expect(codeOf(() => readImageHeader(new Uint8Array(0)))).toBe('image/empty');
  });

  it('calls a header cut short corrupt', () => {
    expect(codeOf(() => readImageHeader(realPng.subarray(0, 20)))).toBe('image/corrupt');
    expect(codeOf(() => readImageHeader(realPng.subarray(0, 5)))).toBe('image/corrupt');
    expect(codeOf(() => readImageHeader(smallJpeg.subarray(0, 30)))).toBe('image/corrupt');
    expect(codeOf(() => readImageHeader(new Uint8Array([0xff])))).toBe('image/corrupt');
  });

  it('refuses lossless and arithmetic-coded JPEG frames as unsupported', () => {
    const lossless = new Uint8Array([0xff, 0xd8, 0xff, 0xc3, 0x00, 0x0b, 0x08, 0x00, 0x10, 0x00, 0x10, 0x01, 0x01, 0x11, 0x00]);
    expect(codeOf(() => readImageHeader(lossless))).toBe('image/unsupported');
  });

  it('names the supported formats when refusing GIF, WebP, text or random bytes', () => {
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00');
    const webp = new TextEncoder().encode('RIFF\x24\x00\x00\x00WEBPVP8 ');
    const text = new TextEncoder().encode('hello, this is not an image\n');
    let seed = 12345;
    const random = new Uint8Array(256).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);
    expect([0x89, 0xff]).not.toContain(random[0]);
    for (const bytes of [gif, webp, text, random]) {
      let caught: unknown;
      try {
        readImageHeader(bytes);
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'image/unsupported', hint: expect.stringMatching(/PNG.*JPEG/) });
    }
  });

  it('says which format it recognised', () => {
    expect(() => readImageHeader(new TextEncoder().encode('GIF89a\x01\x00\x01\x00'))).toThrow(/GIF/);
  });
});

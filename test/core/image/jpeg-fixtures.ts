import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode as decodePngWithFastPng } from 'fast-png';
import { encode as encodeWithJpegJs } from 'jpeg-js';
import { sharedDir } from '../../helpers/shared-path.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** A JPEG fixture made by test/fixtures/make-jpeg-fixtures.sh. */
export function jpegFixture(name: 'progressive' | 'cmyk' | 'gray'): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixtures, `${name}.jpg`)));
}

/** The synthetic 40×24 gradient the fixtures were made from (see the script), as [r, g, b] at (x, y). */
export function fixtureGradient(x: number, y: number): [number, number, number] {
  return [Math.round((255 * x) / 39), Math.round((255 * y) / 23), Math.round((255 * (x + y)) / 62)];
}

export const FIXTURE_WIDTH = 40;
export const FIXTURE_HEIGHT = 24;

/** A baseline JPEG encoded by jpeg-js from RGB pixels. */
export function baselineJpeg(width: number, height: number, rgb: Uint8Array, quality = 95): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return new Uint8Array(encodeWithJpegJs({ width, height, data: rgba }, quality).data);
}

/** A real photo (00_hay, 224×224) as baseline JPEG. */
export function realPhotoJpeg(): Uint8Array {
  const photo = decodePngWithFastPng(readFileSync(sharedDir('data', 'imagenet_val_25', '00_hay.png')));
  return baselineJpeg(photo.width, photo.height, photo.data as Uint8Array, 90);
}

/**
 * A flat mid-gray baseline JPEG of any size and sampling factors (three components): the quantization
 * and Huffman tables of a jpeg-js file, a frame header rewritten to `width`×`height` with the given
 * [h, v] of Y, Cb and Cr, and a scan in which every block is DC difference 0 then end of block.
 * jpeg-js's encoder only writes 1×1 sampling; this gives subsampled frames it decodes completely.
 */
export function flatJpeg(width: number, height: number, factors: Array<[number, number]>): Uint8Array {
  const base = baselineJpeg(8, 8, new Uint8Array(8 * 8 * 3).fill(128));
  const sos = base.findIndex((byte, i) => byte === 0xff && base[i + 1] === 0xda);
  const head = base.slice(0, sos);
  const sof = head.findIndex((byte, i) => byte === 0xff && head[i + 1] === 0xc0);
  head.set([height >> 8, height & 0xff, width >> 8, width & 0xff], sof + 5);
  factors.forEach(([h, v], component) => (head[sof + 11 + 3 * component] = (h << 4) | v));
  // jpeg-js's tables are those of ITU T.81 Annex K: luminance DC 0 is "00", AC end of block "1010";
  // chrominance DC 0 is "00", AC end of block "00".
  const blockBits = ['001010', '0000', '0000'];
  const maxH = Math.max(...factors.map(([h]) => h));
  const maxV = Math.max(...factors.map(([, v]) => v));
  const mcus = Math.ceil(width / 8 / maxH) * Math.ceil(height / 8 / maxV);
  const mcuBits = factors.map(([h, v], component) => blockBits[component].repeat(h * v)).join('');
  const bits = mcuBits.repeat(mcus);
  const padded = bits.padEnd(Math.ceil(bits.length / 8) * 8, '1');
  const data: number[] = [];
  for (let i = 0; i < padded.length; i += 8) {
    const byte = parseInt(padded.slice(i, i + 8), 2);
    data.push(byte, ...(byte === 0xff ? [0] : [])); // byte stuffing
  }
  const scanHeader = [0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00];
  return Uint8Array.from([...head, ...scanHeader, ...data, 0xff, 0xd9]);
}

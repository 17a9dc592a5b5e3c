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

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GradlensError } from '../core/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { encodeNpy, encodePng, modelImage, type FitMode } from '../core/image/index.ts';
import type { RgbaImage, RgbImage } from '../core/types.ts';

/** Reads an image file and makes the model's input of it (the core's one pipeline). */
export async function readModelImage(file: string, size: number, fit: FitMode): Promise<RgbImage> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new GradlensError('options/invalid', `Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`);
  });
  return modelImage(new Uint8Array(bytes), size, fit).image;
}

/** Outputs are written atomically: a killed run never leaves half a file under an output's name. */
export async function writePng(file: string, image: RgbImage | RgbaImage): Promise<void> {
  await writeFileAtomic(file, encodePng(image));
}

export async function writeNpy(file: string, data: Float32Array, shape: number[]): Promise<void> {
  await writeFileAtomic(file, encodeNpy(data, shape));
}

/** out.png → out-difference.png: a companion file beside an output. */
export function suffixedPath(file: string, suffix: string): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}-${suffix}${ext}`;
}

/** out.png → out-2.png, for the second of several outputs. */
export function numberedPath(file: string, index: number, count: number): string {
  return count <= 1 ? file : suffixedPath(file, String(index + 1));
}

/** The output kind from the file name, or a clear error. */
export function outputKind(file: string, allowed: readonly string[]): string {
  const ext = path.extname(file).toLowerCase().slice(1);
  if (!allowed.includes(ext)) {
    throw new GradlensError('options/invalid', `--out must end in ${allowed.map((e) => `.${e}`).join(' or ')}, got "${file}".`);
  }
  return ext;
}

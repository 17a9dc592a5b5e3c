import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { GradlensError } from '../../core/errors.ts';
import type { NpyWeightFile } from '../weight-files.ts';

export interface WeightOrigin {
  /** Folder that holds the published files (a mirror), or null to download from `baseUrl`. */
  mirrorDir: string | null;
  baseUrl: string;
}

export const MIRROR_VARIABLE = 'GRADLENS_MODEL_MIRROR';

async function download(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new GradlensError(
      'model/prepare',
      `Cannot download ${url}: ${(error as Error).message}.`,
      `No network? Set ${MIRROR_VARIABLE} to a folder holding the model files (for example ../shared/models).`,
    );
  }
  if (!response.ok) throw new GradlensError('model/prepare', `Download of ${url} failed with HTTP ${response.status}.`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Reads one published weight file from the mirror or the public URL and checks its SHA-256. */
export async function readWeightFile(file: NpyWeightFile, origin: WeightOrigin): Promise<Uint8Array> {
  let bytes: Uint8Array;
  if (origin.mirrorDir) {
    const filePath = path.join(origin.mirrorDir, file.file);
    const found = await stat(filePath).catch(() => null);
    if (!found?.isFile()) {
      throw new GradlensError('model/prepare', `Weight file ${file.file} is missing from the mirror (${filePath}).`, `Check ${MIRROR_VARIABLE}.`);
    }
    bytes = new Uint8Array(await readFile(filePath));
  } else {
    bytes = await download(origin.baseUrl + file.file);
  }
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== file.sha256) {
    throw new GradlensError('model/prepare', `Checksum mismatch for ${file.file}: got ${digest}, expected ${file.sha256}.`, 'The file is damaged or not the published one; fetch it again.');
  }
  return bytes;
}

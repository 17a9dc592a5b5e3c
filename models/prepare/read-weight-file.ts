import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { GradlensError } from '../../core/errors.ts';
import type { ModelEntry } from '../registry.ts';
import type { NpyWeightFile } from '../weight-files.ts';

/** Where a model's published files are read: a folder holding them (a mirror), or the public folder they are downloaded from. */
export type WeightOrigin = { mirrorDir: string } | { mirrorDir: null; baseUrl: string };

export const MIRROR_VARIABLE = 'GRADLENS_MODEL_MIRROR';

/**
 * A model's origin: its folder in the mirror when one is given, else its public URLs. A model published
 * nowhere as .npy files needs the mirror, and says so in one line.
 */
export function weightOrigin(entry: ModelEntry, mirror: string | null): WeightOrigin {
  const { weights } = entry;
  const mirrorFolder = weights.kind === 'npy' ? weights.mirrorFolder : path.posix.dirname(weights.mirrorFile);
  if (mirror) return { mirrorDir: path.join(mirror, mirrorFolder) };
  const baseUrl = weights.kind === 'npy' ? weights.baseUrl : weights.url.slice(0, weights.url.lastIndexOf('/') + 1);
  if (baseUrl) return { mirrorDir: null, baseUrl };
  throw new GradlensError(
    'model/prepare',
    `${entry.info.name} has no public download of its weights: set ${MIRROR_VARIABLE} (or --mirror DIR) to a model mirror holding ${mirrorFolder}, such as ../shared/models.`,
  );
}

/** The response of a download that answered 2xx; a network failure or an HTTP error is one line. */
export async function openDownload(url: string): Promise<Response> {
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
  return response;
}

/** Reads one published weight file from the mirror or the public URL and checks its SHA-256. */
export async function readWeightFile(file: NpyWeightFile, origin: WeightOrigin): Promise<Uint8Array> {
  let bytes: Uint8Array;
  if (origin.mirrorDir !== null) {
    const filePath = path.join(origin.mirrorDir, file.file);
    const found = await stat(filePath).catch(() => null);
    if (!found?.isFile()) {
      throw new GradlensError('model/prepare', `Weight file ${file.file} is missing from the mirror (${filePath}).`, `Check ${MIRROR_VARIABLE}.`);
    }
    bytes = new Uint8Array(await readFile(filePath));
  } else {
    bytes = new Uint8Array(await (await openDownload(origin.baseUrl + file.file)).arrayBuffer());
  }
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== file.sha256) {
    throw new GradlensError('model/prepare', `Checksum mismatch for ${file.file}: got ${digest}, expected ${file.sha256}.`, 'The file is damaged or not the published one; fetch it again.');
  }
  return bytes;
}

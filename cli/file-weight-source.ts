import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WeightSource } from '../models/load-model.ts';

/** Where `npm run models` writes the prepared files (also served to the site and the Worker). */
export const DEFAULT_MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/public/models');

/** The prepared models folder: GRADLENS_MODELS_DIR, else where `npm run models` writes. */
export function modelsDir(): string {
  return process.env.GRADLENS_MODELS_DIR ?? DEFAULT_MODELS_DIR;
}

/** A WeightSource over a folder: answers 404 for a missing file, as a web server would. */
export function fileWeightSource(dir: string = modelsDir()): WeightSource {
  return async (relative) => {
    try {
      return new Response(await readFile(path.join(dir, relative)));
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

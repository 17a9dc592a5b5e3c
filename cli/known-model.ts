import { existsSync } from 'node:fs';
import path from 'node:path';
import { GradlensError } from '../core/errors.ts';
import { MODELS } from '../models/registry.ts';
import { modelsDir } from './file-weight-source.ts';

/** Refuses an id that is neither a built-in model nor one imported into the models folder, before any work is done. */
export function checkModelId(id: string): void {
  if (Object.hasOwn(MODELS, id)) return;
  if (/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id) && existsSync(path.join(modelsDir(), id, 'manifest.json'))) return;
  throw new GradlensError('model/unknown', `Unknown model "${id}".`, `Available models: ${Object.keys(MODELS).join(', ')}, or one made by \`gradlens models import\` (see gradlens models).`);
}

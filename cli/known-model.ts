import { existsSync } from 'node:fs';
import path from 'node:path';
import { MODEL_ID_PATTERN, unknownModel } from '../models/model-id.ts';
import { MODELS } from '../models/registry.ts';
import { modelsDir } from './file-weight-source.ts';

/** Refuses an id that is neither a built-in model nor one imported into the models folder, before any work is done. */
export function checkModelId(id: string): void {
  if (Object.hasOwn(MODELS, id)) return;
  if (MODEL_ID_PATTERN.test(id) && existsSync(path.join(modelsDir(), id, 'manifest.json'))) return;
  throw unknownModel(id);
}

import type { WeightSource } from './load-model.ts';
import { MODEL_INDEX_FILE, MODEL_INDEX_FORMAT, type ModelIndex, type PreparedModel } from './model-index.ts';

/** The prepared models a source offers (none where `npm run models` has not written an index yet). */
export async function readModelIndex(source: WeightSource): Promise<PreparedModel[]> {
  const response = await source(MODEL_INDEX_FILE).catch(() => null);
  if (!response?.ok) return [];
  const index = (await response.json().catch(() => null)) as ModelIndex | null;
  return index?.format === MODEL_INDEX_FORMAT && Array.isArray(index.models) ? index.models : [];
}

/**
 * The compare view's URL query: the models side by side as repeated `model` (the vocabulary's one name
 * for a model), in column order, and `fit` as on every page: `/compare?model=squeezenet1_1&model=squeezenet1_0`.
 */
import type { FitMode } from '../../../core/image/fit-image.ts';
import { DEFAULTS } from '../../../core/defaults.ts';
import { modelIdFrom } from './query.ts';

export const COMPARE_MAX_MODELS = 3;

export function comparedModelsFromQuery(search: string): { ids: string[]; fit: FitMode | null; problems: string[] } {
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const ids: string[] = [];
  for (const value of query.getAll('model')) {
    try {
      const id = modelIdFrom('model', value);
      if (!ids.includes(id)) ids.push(id);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (ids.length > COMPARE_MAX_MODELS) problems.push(`At most ${COMPARE_MAX_MODELS} models side by side, got ${ids.length}.`);
  const fit = query.get('fit');
  if (fit !== null && fit !== 'squash' && fit !== 'center-crop') problems.push(`fit must be one of squash, center-crop, got ${fit}.`);
  return { ids: ids.slice(0, COMPARE_MAX_MODELS), fit: fit === 'squash' || fit === 'center-crop' ? fit : null, problems };
}

export function compareQuery(ids: readonly string[], fit: FitMode): string {
  const query = new URLSearchParams();
  if (fit !== DEFAULTS.fit) query.set('fit', fit);
  for (const id of ids) query.append('model', id);
  const text = query.toString();
  return text ? `?${text}` : '';
}

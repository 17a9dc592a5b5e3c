/** The server's model index (`/models/index.json`), read once per page, as the picker's list. */
import { readModelIndex } from '../../../models/read-model-index.ts';
import { modelOptions, type ModelOption } from '../lib/model-options.ts';
import { patch } from './app.ts';

let list: Promise<ModelOption[]> | null = null;

export function loadModelOptions(): Promise<ModelOption[]> {
  list ??= readModelIndex((path) => fetch(`/models/${path}`, { cache: 'no-cache' }))
    // An empty index is no index: the default model is always prepared where the site runs.
    .then((prepared) => modelOptions(prepared.length > 0 ? prepared : null))
    .then((options) => {
      patch('model', { options });
      return options;
    });
  return list;
}

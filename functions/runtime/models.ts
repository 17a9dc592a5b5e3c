/**
 * One classifier per model id and isolate: weights come from the static assets binding, are loaded
 * on first use and reused by every later request. Concurrent first requests await the same load.
 */
import type { Classifier } from '../../core/model.ts';
import { loadModel } from '../../models/load-model.ts';
import { modelEntry } from '../../models/registry.ts';
import { startWasmBackend } from './wasm-backend.ts';

const loads = new Map<string, Promise<Classifier>>();
const ready = new Set<string>();

/** Where the prepared model files live inside the site build (`web/dist/models/<id>/…`). */
export const MODELS_ASSET_PREFIX = '/models/';

export function assetWeightSource(assets: Fetcher) {
  return (path: string): Promise<Response> =>
    assets.fetch(new Request(`https://assets.local${MODELS_ASSET_PREFIX}${path}`)) as unknown as Promise<Response>;
}

/**
 * The loaded classifier for `id`. Throws GradlensError 'model/unknown' for ids not in the registry and
 * 'model/not-ready' when the backend or the weight files are unavailable; a failed load is retried
 * by the next call.
 */
export function getClassifier(id: string, assets: Fetcher): Promise<Classifier> {
  modelEntry(id);
  let load = loads.get(id);
  if (!load) {
    load = startWasmBackend()
      .then(() => loadModel(id, assetWeightSource(assets)))
      .then((model) => {
        ready.add(id);
        return model;
      })
      .catch((error: unknown) => {
        loads.delete(id);
        throw error;
      });
    loads.set(id, load);
  }
  return load;
}

/** Ids whose classifier is loaded in this isolate (for the health report). */
export function readyModelIds(): string[] {
  return [...ready];
}

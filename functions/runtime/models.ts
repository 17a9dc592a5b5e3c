/**
 * One classifier per model id and isolate: weights come from the static assets binding, are loaded
 * on first use and reused by every later request. Concurrent first requests await the same load.
 */
import type { Classifier } from '../../core/model.ts';
import { loadModel } from '../../models/load-model.ts';
import { assetWeightSource } from './asset-weight-source.ts';
import { requireApiModel } from './require-api-model.ts';
import { startWasmBackend } from './wasm-backend.ts';

export { MODELS_ASSET_PREFIX, assetWeightSource } from './asset-weight-source.ts';

const loads = new Map<string, Promise<Classifier>>();
const ready = new Set<string>();

/**
 * The loaded classifier for `id`, a built-in model or an imported one whose `runsOn` includes the API.
 * Throws GradlensError 'model/unknown' for ids neither the registry nor the models' index knows, a 400
 * problem for a model that does not run on the API (see requireApiModel), and 'model/not-ready' when
 * the backend or the weight files are unavailable; a failed load is retried by the next call.
 */
export function getClassifier(id: string, assets: Fetcher): Promise<Classifier> {
  let load = loads.get(id);
  if (!load) {
    load = requireApiModel(id, assets)
      .then(startWasmBackend)
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

import type { WeightSource } from '../../models/load-model.ts';

/** Where the prepared model files live inside the site build (`web/dist/models/<id>/…`). */
export const MODELS_ASSET_PREFIX = '/models/';

/** The prepared models folder as the assets binding serves it: weights, manifests and the models' index. */
export function assetWeightSource(assets: Fetcher): WeightSource {
  return (path: string): Promise<Response> =>
    assets.fetch(new Request(`https://assets.local${MODELS_ASSET_PREFIX}${path}`)) as unknown as Promise<Response>;
}

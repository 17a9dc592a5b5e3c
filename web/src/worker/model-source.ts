/**
 * Where the engine's weights come from: the site's `/models/` over HTTP, through Cache Storage when the
 * browser offers it, with download progress for the chosen weight variant.
 */
import type { WeightDtype } from '../../../models/model-index.ts';
import { progressWeightSource, type WeightProgress, type WeightSource } from './weights.ts';

let cache: Promise<Cache | null> | null = null;

/** Each file is downloaded once, however many backends are tried. */
function memoized(source: WeightSource): WeightSource {
  const files = new Map<string, Promise<{ body: ArrayBuffer; init: ResponseInit }>>();
  return async (path) => {
    if (!files.has(path)) {
      const load = source(path).then(async (r) => ({ body: await r.arrayBuffer(), init: { status: r.status, headers: r.headers } }));
      files.set(path, load);
      load.catch(() => files.delete(path));
    }
    const { body, init } = await files.get(path)!;
    return new Response(body, init); // a Response copies the bytes it is given
  };
}

/** A fresh source for one model's load: its progress counts only that load's files. */
export async function modelSource(dtype: WeightDtype, onProgress: (progress: WeightProgress) => void): Promise<WeightSource> {
  cache ??= typeof caches === 'undefined' ? Promise.resolve(null) : caches.open('gradlens-models-v1').catch(() => null);
  return memoized(progressWeightSource({ baseUrl: new URL('/models/', self.location.href).href, cache: await cache, dtype, onProgress }));
}

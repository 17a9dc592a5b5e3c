import { loadModel, type LoadProgress, type WeightSource } from '../../../models/load-model.ts';
import type { HeldModel } from './held-models.ts';
import type { ModelRequest } from './protocol.ts';

/**
 * Loads one model on the active backend and runs its built-in check (models/self-check.ts); the time
 * from the last weight byte to the check passed is its warm-up (building it, shader compilation on GPUs).
 */
export async function loadOnBackend(request: ModelRequest, source: WeightSource, onWarmup: () => void): Promise<HeldModel> {
  const dtype = request.dtype ?? 'float32';
  let started = performance.now();
  let bytes = 0;
  const onProgress = (p: LoadProgress) => {
    bytes = p.totalBytes;
    if (p.loadedBytes < p.totalBytes) return;
    started = performance.now();
    onWarmup();
  };
  const model = await loadModel(request.modelId, source, { verify: true, onProgress, dtype });
  return { model, dtype, bytes, warmupMs: performance.now() - started };
}

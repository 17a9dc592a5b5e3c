import { DEFAULTS } from '../defaults.ts';
import type { FitMode } from '../image/fit-image.ts';
import { modelImage } from '../image/model-image.ts';
import type { Classifier } from '../model.ts';
import type { RgbImage } from '../types.ts';
import { compareColumn, type ComparisonColumn } from './compare-column.ts';

/** What one model makes of an image, as `gradlens saliency --model ID` would give it alone. */
export interface ModelComparison extends ComparisonColumn {
  /** The image through the one pipeline at this model's input size. */
  image: RgbImage;
  timingMs: number;
}

/** Loads the classifier for an id; each one is disposed by `compareModels` once it is done with it. */
export type LoadClassifier = (id: string) => Promise<Classifier>;

/**
 * The same image through several models: each gets its own input (its size, its preprocessing), its
 * top predictions and the vanilla saliency map of its top class. The models are loaded one after
 * another and each is disposed before the next is loaded, so only one model's weights are ever held —
 * a SqueezeNet beside a VGG16 costs no more memory than the VGG16 alone.
 *
 * @example
 * const columns = await compareModels(bytes, ['squeezenet1_1', 'squeezenet1_0'], loadNodeModel);
 */
export async function compareModels(bytes: Uint8Array, ids: readonly string[], load: LoadClassifier, fit: FitMode = DEFAULTS.fit): Promise<ModelComparison[]> {
  const results: ModelComparison[] = [];
  for (const id of ids) {
    const model = await load(id);
    try {
      const { image } = modelImage(bytes, model.info.inputSize, fit);
      const started = performance.now();
      const column = await compareColumn(model, image);
      const timingMs = Math.round((performance.now() - started) * 10) / 10;
      results.push({ ...column, image, timingMs });
    } finally {
      model.dispose();
    }
  }
  return results;
}

import type { Classifier } from '../model.ts';
import { saliencyMaps, type SaliencyMap } from '../saliency/saliency-maps.ts';
import type { Prediction, RgbImage } from '../types.ts';

/** One model's column of a comparison: what `gradlens saliency --model ID` gives for the image alone. */
export interface ComparisonColumn {
  model: { id: string; name: string; inputSize: number };
  /** The most probable classes (the default top-k of a prediction). */
  predictions: Prediction[];
  /** The vanilla saliency map of the model's own top class, at its resolution. */
  map: SaliencyMap;
}

/**
 * A comparison's column for one model, from an image already at its input size: one pass of the core
 * with the default saliency options. The CLI's `compare` and the site's compare view both make theirs here.
 */
export async function compareColumn(model: Classifier, image: RgbImage): Promise<ComparisonColumn> {
  const { predictions, maps } = await saliencyMaps(model, image);
  const { id, name, inputSize } = model.info;
  return { model: { id, name, inputSize }, predictions, map: maps[0] };
}

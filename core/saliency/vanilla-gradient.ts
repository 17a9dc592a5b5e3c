import * as tf from '@tensorflow/tfjs-core';
import type { Differentiable } from '../model.ts';
import type { AttributionMethod } from './attribution.ts';
import { oneHotRows } from './one-hot-rows.ts';

/**
 * One forward and one backward pass for classes chosen from that pass's own scores (the top class, the
 * top k), so a map for the predicted class costs no extra forward pass.
 */
export function gradientOfChosenClasses(model: Differentiable, x: tf.Tensor4D, choose: (scores: Float32Array) => number[]) {
  let classes: number[] = [];
  const { scores, grad } = model.gradient(x, (s) => {
    classes = choose(s.dataSync() as Float32Array);
    return oneHotRows(classes, s.shape[1]);
  });
  return { scores, grad, classes };
}

/** Simonyan et al. (2014): ∂ score_c / ∂ x for each class c, from one forward pass. */
export const vanillaGradient: AttributionMethod = (model, x, classes) =>
  tf.tidy(() => {
    const { scores, grad } = model.gradient(x, (s) => oneHotRows(classes, s.shape[1]));
    scores.dispose();
    return grad;
  });

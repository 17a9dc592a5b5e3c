import * as tf from '@tensorflow/tfjs-core';
import type { Differentiable } from '../model.ts';
import type { AttributionMethod } from './attribution.ts';
import { oneHotRows } from './one-hot-rows.ts';

/** Picks class indices from a pass's scores [1, K] on the device: int32 [M]. */
export type ClassChooser = (scores: tf.Tensor2D) => tf.Tensor1D;

/**
 * One forward and one backward pass for classes chosen from that pass's own scores (the top class, the
 * top k), so a map for the predicted class costs no extra forward pass. The choice stays on the device
 * (no synchronous read inside the pass, which would stall a GPU pipeline); the chosen indices are read
 * back asynchronously afterwards.
 */
export async function gradientOfChosenClasses(model: Differentiable, x: tf.Tensor4D, choose: ClassChooser) {
  const chosen: tf.Tensor1D[] = [];
  const { scores, grad } = model.gradient(x, (s) => {
    const classes = tf.keep(choose(s));
    chosen.push(classes);
    return oneHotRows(classes, s.shape[1]);
  });
  const classes = Array.from(await chosen[0].data());
  tf.dispose(chosen);
  return { scores, grad, classes };
}

/** Simonyan et al. (2014): ∂ score_c / ∂ x for each class c, from one forward pass. */
export const vanillaGradient: AttributionMethod = async (model, x, classes) =>
  tf.tidy(() => {
    const { scores, grad } = model.gradient(x, (s) => oneHotRows(classes, s.shape[1]));
    scores.dispose();
    return grad;
  });

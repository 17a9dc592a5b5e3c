import * as tf from '@tensorflow/tfjs-core';
import { oneHotRows } from '../saliency/one-hot-rows.ts';

/**
 * Something to maximize (Lucid's objectives). Terms on the class scores contribute a cotangent for the
 * network's backward pass; terms on the image itself (regularizers are objectives too) give their
 * gradient directly. `value` is for progress display.
 */
export interface Objective {
  name: string;
  scoreCotangent?(numClasses: number): tf.Tensor2D;
  imageGradient?(x: tf.Tensor4D): tf.Tensor4D;
  value(scores: Float32Array, x: tf.Tensor4D): number;
}

/** The raw score of a class (before softmax, as in Simonyan et al.). */
export function classScore(index: number): Objective {
  return {
    name: `score[${index}]`,
    scoreCotangent: (k) => oneHotRows([index], k),
    value: (scores) => scores[index],
  };
}

/** −λ‖x‖²₂: keeps the image small. */
export function l2Penalty(weight: number): Objective {
  return {
    name: `-${weight}·L2`,
    imageGradient: (x) => tf.mul(x, -2 * weight),
    value: (_, x) => -weight * tf.tidy(() => tf.sum(tf.square(x)).dataSync()[0]),
  };
}

function neighbourDifferences(x: tf.Tensor4D, axis: 1 | 2): tf.Tensor4D {
  const n = x.shape[axis];
  const size = [-1, -1, -1, -1];
  size[axis] = n - 1;
  const begin = [0, 0, 0, 0];
  begin[axis] = 1;
  return tf.sub(tf.slice(x, begin, size), tf.slice(x, [0, 0, 0, 0], size));
}

/** −λ Σ (squared differences of vertical and horizontal neighbours): favours smooth images. */
export function totalVariationPenalty(weight: number): Objective {
  const gradientAlong = (x: tf.Tensor4D, axis: 1 | 2) => {
    const d = neighbourDifferences(x, axis);
    const before: [number, number][] = [[0, 0], [0, 0], [0, 0], [0, 0]];
    const after: [number, number][] = [[0, 0], [0, 0], [0, 0], [0, 0]];
    before[axis] = [1, 0];
    after[axis] = [0, 1];
    // ∂/∂x_k Σ_i (x_{i+1} − x_i)² = 2(x_k − x_{k−1}) − 2(x_{k+1} − x_k)
    return tf.mul(tf.sub(tf.pad(d, before), tf.pad(d, after)), 2);
  };
  return {
    name: `-${weight}·TV`,
    imageGradient: (x) => tf.mul(tf.add(gradientAlong(x, 1), gradientAlong(x, 2)), -weight),
    value: (_, x) =>
      -weight * tf.tidy(() => tf.add(tf.sum(tf.square(neighbourDifferences(x, 1))), tf.sum(tf.square(neighbourDifferences(x, 2)))).dataSync()[0]),
  };
}

import * as tf from '@tensorflow/tfjs-core';
import type { Differentiable } from '../model.ts';
import type { Objective } from './objectives.ts';
import { roll } from './roll.ts';
import type { StepRule } from './presets.ts';

export interface AscentStep {
  x: tf.Tensor4D;
  /** Scores at the (jittered) image the gradient was taken at. */
  scores: Float32Array;
}

/**
 * One gradient-ascent step on the sum of objectives, the gradient taken at the image rolled by
 * `offset` (jitter) and rolled back: a roll is a permutation, so this is CS231n's jitter/unjitter.
 */
export function ascend(model: Differentiable, x: tf.Tensor4D, objectives: Objective[], offset: [number, number], learningRate: number, rule: StepRule): AscentStep {
  const shifted = roll(x, offset[0], offset[1]);
  const { scores, grad } = model.gradient(shifted, (s) =>
    tf.tidy(() => tf.addN(objectives.flatMap((o) => (o.scoreCotangent ? [o.scoreCotangent(s.shape[1])] : [tf.zerosLike(s)])))),
  );
  const scoreData = scores.dataSync() as Float32Array;
  const next = tf.tidy(() => {
    const imageTerms = objectives.flatMap((o) => (o.imageGradient ? [o.imageGradient(x)] : []));
    const g = tf.addN([roll(grad, -offset[0], -offset[1]), ...imageTerms]);
    const scale = rule === 'raw' ? learningRate : learningRate / Math.max(tf.norm(g).dataSync()[0], 1e-12);
    return tf.add(x, tf.mul(g, scale)) as tf.Tensor4D;
  });
  tf.dispose([shifted, scores, grad]);
  return { x: next, scores: scoreData };
}

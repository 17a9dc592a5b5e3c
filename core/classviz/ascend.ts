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
export async function ascend(model: Differentiable, x: tf.Tensor4D, objectives: Objective[], offset: [number, number], learningRate: number, rule: StepRule): Promise<AscentStep> {
  const shifted = roll(x, offset[0], offset[1]);
  const { scores, grad } = model.gradient(shifted, (s) =>
    tf.tidy(() => tf.addN(objectives.flatMap((o) => (o.scoreCotangent ? [o.scoreCotangent(s.shape[1])] : [tf.zerosLike(s)])))),
  );
  // The whole step stays on the device (the norm too); only the scores are read back, asynchronously.
  const next = tf.tidy(() => {
    const imageTerms = objectives.flatMap((o) => (o.imageGradient ? [o.imageGradient(x)] : []));
    const g = tf.addN([roll(grad, -offset[0], -offset[1]), ...imageTerms]);
    const scale = rule === 'raw' ? tf.scalar(learningRate) : tf.div(learningRate, tf.maximum(tf.norm(g), 1e-12));
    return tf.add(x, tf.mul(g, scale)) as tf.Tensor4D;
  });
  tf.dispose([shifted, grad]);
  const scoreData = (await scores.data()) as Float32Array;
  scores.dispose();
  return { x: next, scores: scoreData };
}

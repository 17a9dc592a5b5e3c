import * as tf from '@tensorflow/tfjs-core';
import { GradlensError } from '../errors.ts';
import type { Differentiable } from '../model.ts';
import { oneHotRows } from '../saliency/one-hot-rows.ts';
import { crossEntropyCotangent } from './cross-entropy-cotangent.ts';

export interface StepResult {
  /** Scores of the input x (before the step). */
  scores: Float32Array;
  /** x + η·g/‖g‖₂ with g = ∇ score_target(x). */
  next: tf.Tensor4D;
}

/** η must be a finite number > 0: anything else turns the image into NaN or leaves it where it is. */
export function checkLearningRate(learningRate: number): number {
  if (!(Number.isFinite(learningRate) && learningRate > 0)) {
    throw new GradlensError('options/invalid', `learningRate must be a finite number > 0, got ${learningRate}.`);
  }
  return learningRate;
}

/**
 * One step of the targeted attack on the normalized input. Class scores are ReLU outputs, so a dead
 * target class has g = 0: the step then follows −∇ CE(target) instead, which is never zero.
 */
export function normalizedGradientStep(model: Differentiable, x: tf.Tensor4D, target: number, learningRate: number): StepResult {
  const { scores, grad } = model.gradient(x, (s) => oneHotRows([target], s.shape[1]));
  const scoreData = scores.dataSync() as Float32Array;
  let direction = grad;
  let norm = tf.tidy(() => tf.norm(direction).dataSync()[0]);
  if (norm === 0) {
    const fallback = model.gradient(x, (s) => tf.neg(crossEntropyCotangent(s, target)));
    fallback.scores.dispose();
    direction.dispose();
    direction = fallback.grad;
    norm = tf.tidy(() => tf.norm(direction).dataSync()[0]);
  }
  const next = tf.tidy(() => (norm === 0 ? tf.clone(x) : tf.add(x, tf.mul(direction, learningRate / norm))) as tf.Tensor4D);
  tf.dispose([scores, direction]);
  return { scores: scoreData, next };
}

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

/** ‖g‖₂ and the scores, read back together: one asynchronous read per step, never a synchronous one. */
async function readStep(scores: tf.Tensor2D, direction: tf.Tensor4D): Promise<[Float32Array, number]> {
  const norm = tf.tidy(() => tf.norm(direction));
  const [scoreData, normData] = await Promise.all([scores.data() as Promise<Float32Array>, norm.data()]);
  norm.dispose();
  return [scoreData, normData[0]];
}

/**
 * One step of the targeted attack on the normalized input. SqueezeNet's class scores are averaged ReLU
 * outputs, so a dead target class has g = 0: the step then follows −∇ CE(target) instead, which is never
 * zero. The guard tests the gradient, not the score's sign, so it also holds for VGG16, whose scores come
 * from a Linear layer and can be negative.
 */
export async function normalizedGradientStep(model: Differentiable, x: tf.Tensor4D, target: number, learningRate: number): Promise<StepResult> {
  const { scores, grad } = model.gradient(x, (s) => oneHotRows([target], s.shape[1]));
  let direction = grad;
  let [scoreData, norm] = await readStep(scores, direction);
  if (norm === 0) {
    const fallback = model.gradient(x, (s) => tf.neg(crossEntropyCotangent(s, target)));
    direction.dispose();
    direction = fallback.grad;
    [, norm] = await readStep(fallback.scores, direction);
    fallback.scores.dispose();
  }
  const next = tf.tidy(() => (norm === 0 ? tf.clone(x) : tf.add(x, tf.mul(direction, learningRate / norm))) as tf.Tensor4D);
  tf.dispose([scores, direction]);
  return { scores: scoreData, next };
}

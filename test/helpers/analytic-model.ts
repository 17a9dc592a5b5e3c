import * as tf from '@tensorflow/tfjs-core';
import type { Classifier, Cotangent, Preprocessing } from '../../core/model.ts';

/** Pixels/255 as they are: RGB, mean 0, std 1. */
export const UNIT_PREPROCESSING: Preprocessing = { channelOrder: 'rgb', scale: 1 / 255, mean: [0, 0, 0], std: [1, 1, 1] };

/**
 * A tiny classifier whose gradient is known in closed form (after PAIR saliency's tests):
 * on an H×W×3 input, score0 = 5·Σ x[…,0], score1 = Σ x[…,1]², score2 = Σ sin x[…,2].
 * Inputs are pixels/255 (mean 0, std 1), so images map to x in [0, 1], in RGB order unless the
 * preprocessing says otherwise.
 */
export function analyticModel(size = 2, preprocessing = UNIT_PREPROCESSING): Classifier & { calls: { scores: number; gradient: number } } {
  const calls = { scores: 0, gradient: 0 };
  const channel = (x: tf.Tensor4D, c: number) => tf.slice(x, [0, 0, 0, c], [-1, -1, -1, 1]);
  const scores = (x: tf.Tensor4D) =>
    tf.tidy(() => {
      const s0 = tf.mul(tf.sum(channel(x, 0), [1, 2, 3]), 5);
      const s1 = tf.sum(tf.square(channel(x, 1)), [1, 2, 3]);
      const s2 = tf.sum(tf.sin(channel(x, 2)), [1, 2, 3]);
      return tf.stack([s0, s1, s2], 1) as tf.Tensor2D;
    });
  return {
    calls,
    info: { id: 'analytic', name: 'analytic', inputSize: size, preprocessing, classNames: ['five x', 'y squared', 'sine z'] },
    scores(x) {
      calls.scores += 1;
      return scores(x);
    },
    gradient(x: tf.Tensor4D, cotangent: Cotangent) {
      calls.gradient += 1;
      const s = scores(x);
      const grad = tf.tidy(() => {
        const cot = cotangent(s);
        const m = cot.shape[0];
        const column = (c: number) => tf.reshape(tf.slice(cot, [0, c], [m, 1]), [m, 1, 1, 1]);
        const d0 = tf.mul(column(0), tf.mul(tf.onesLike(channel(x, 0)), 5));
        const d1 = tf.mul(column(1), tf.mul(channel(x, 1), 2));
        const d2 = tf.mul(column(2), tf.cos(channel(x, 2)));
        return tf.concat([d0, d1, d2], 3) as tf.Tensor4D;
      });
      return { scores: s, grad };
    },
    activations: (x) => ({ scores: scores(x) }),
    dispose: () => {},
  };
}

/** Central finite differences of f at every element of x (float32 model, so eps is not tiny). */
export function finiteDifferences(f: (x: tf.Tensor4D) => number, x: tf.Tensor4D, eps = 1e-2): Float32Array {
  const base = x.dataSync();
  const out = new Float32Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const plus = Float32Array.from(base);
    const minus = Float32Array.from(base);
    plus[i] += eps;
    minus[i] -= eps;
    const fp = tf.tidy(() => f(tf.tensor4d(plus, x.shape)));
    const fm = tf.tidy(() => f(tf.tensor4d(minus, x.shape)));
    out[i] = (fp - fm) / (2 * eps);
  }
  return out;
}

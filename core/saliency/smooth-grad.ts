import * as tf from '@tensorflow/tfjs-core';
import { meanOf } from '../tensor/mean-of.ts';
import type { AttributionMethod } from './attribution.ts';

export interface SmoothGradOptions {
  samples: number;
  /** Noise σ as a fraction of the input's value range (max − min). */
  noise: number;
  seed: number;
}

/**
 * SmoothGrad (Smilkov et al. 2017) around any attribution method: the mean attribution over inputs with
 * Gaussian noise added. Samples run one at a time so memory stays that of a single pass.
 */
export function smoothGrad(method: AttributionMethod, { samples, noise, seed }: SmoothGradOptions): AttributionMethod {
  return (model, x, classes) => {
    const sigma = tf.tidy(() => tf.mul(tf.sub(tf.max(x), tf.min(x)), noise).dataSync()[0]);
    return meanOf(samples, (i) => method(model, tf.add(x, tf.randomNormal(x.shape, 0, sigma, 'float32', seed + i)), classes));
  };
}

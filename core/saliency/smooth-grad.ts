import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../classviz/rng.ts';
import { meanOf } from '../tensor/mean-of.ts';
import type { AttributionMethod } from './attribution.ts';

export interface SmoothGradOptions {
  samples: number;
  /**
   * Noise σ as a fraction of the input's value range (max − min of x_n, as PAIR saliency). Measured on
   * the normalized input itself, it is about the same share of the pixels' range whatever the preprocessing.
   */
  noise: number;
  seed: number;
}

/**
 * SmoothGrad (Smilkov et al. 2017) around any attribution method: the mean attribution over inputs with
 * Gaussian noise added. Samples run one at a time so memory stays that of a single pass.
 */
export function smoothGrad(method: AttributionMethod, { samples, noise, seed }: SmoothGradOptions): AttributionMethod {
  return async (model, x, classes, check) => {
    // σ stays on the device: reading it back would stall a GPU pipeline for one number.
    const sigma = tf.tidy(() => tf.mul(tf.sub(tf.max(x), tf.min(x)), noise));
    // One seed per sample from a seeded generator: TF.js would take a seed of 0 as "none" (Math.random).
    const rng = createRng(seed);
    const sample = async () => {
      const noisy = tf.tidy(() => tf.add(x, tf.mul(tf.randomNormal(x.shape, 0, 1, 'float32', rng.seed()), sigma)) as tf.Tensor4D);
      try {
        return await method(model, noisy, classes, check);
      } finally {
        noisy.dispose();
      }
    };
    try {
      return await meanOf(samples, sample, check);
    } finally {
      sigma.dispose();
    }
  };
}

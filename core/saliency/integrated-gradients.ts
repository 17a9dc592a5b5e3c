import * as tf from '@tensorflow/tfjs-core';
import { meanOf } from '../tensor/mean-of.ts';
import type { AttributionMethod } from './attribution.ts';
import { vanillaGradient } from './vanilla-gradient.ts';

export interface IntegratedGradientsOptions {
  steps: number;
  /** The reference input for x, normalized like x (a black image in practice). */
  baseline: (x: tf.Tensor4D) => tf.Tensor4D;
}

/**
 * Integrated Gradients (Sundararajan et al. 2017): (x − x₀) ⊙ the mean gradient along the straight path
 * from the baseline, midpoint Riemann sum with `steps` points (α = (k + ½)/steps).
 */
export function integratedGradients({ steps, baseline }: IntegratedGradientsOptions): AttributionMethod {
  return async (model, x, classes, check) => {
    const base = tf.tidy(() => baseline(x));
    const gradientAt = async (k: number) => {
      const point = tf.tidy(() => tf.add(base, tf.mul(tf.sub(x, base), (k + 0.5) / steps)) as tf.Tensor4D);
      try {
        return await vanillaGradient(model, point, classes);
      } finally {
        point.dispose();
      }
    };
    try {
      const meanGradient = await meanOf(steps, gradientAt, check);
      const result = tf.tidy(() => tf.mul(tf.sub(x, base), meanGradient) as tf.Tensor4D);
      meanGradient.dispose();
      return result;
    } finally {
      base.dispose();
    }
  };
}

import * as tf from '@tensorflow/tfjs-core';
import type { ModelInfo } from '../model.ts';

/** Keeps a normalized image inside what pixels 0..255 can express, per channel. */
export function clampToImage(x: tf.Tensor4D, info: ModelInfo): tf.Tensor4D {
  return tf.tidy(() => {
    const lo = info.mean.map((m, c) => -m / info.std[c]);
    const hi = info.mean.map((m, c) => (1 - m) / info.std[c]);
    return tf.minimum(tf.maximum(x, lo), hi) as tf.Tensor4D;
  });
}

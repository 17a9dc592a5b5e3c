import * as tf from '@tensorflow/tfjs-core';
import type { ModelInfo } from '../model.ts';
import { inputBounds } from '../tensor/image-tensor.ts';

/** Keeps a normalized image inside what pixels 0..255 can express, per channel. */
export function clampToImage(x: tf.Tensor4D, info: ModelInfo): tf.Tensor4D {
  const { lo, hi } = inputBounds(info);
  return tf.tidy(() => tf.minimum(tf.maximum(x, lo), hi) as tf.Tensor4D);
}

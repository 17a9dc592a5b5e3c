import * as tf from '@tensorflow/tfjs-core';

/** The saliency map of Simonyan et al.: per pixel, the maximum over channels of |attribution|. [M,H,W,C] → [M,H,W]. */
export function channelMaxAbs(attribution: tf.Tensor4D): tf.Tensor3D {
  return tf.tidy(() => tf.max(tf.abs(attribution), 3));
}

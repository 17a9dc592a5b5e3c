import * as tf from '@tensorflow/tfjs-core';

/** Gradient through a ReLU, given its output: pass where the output is positive (PyTorch's choice at 0). */
export function reluMask(dy: tf.Tensor, reluOutput: tf.Tensor): tf.Tensor {
  return tf.mul(dy, tf.step(reluOutput));
}

import * as tf from '@tensorflow/tfjs-core';

/** ∂ CE(scores, label) / ∂ scores = softmax(scores) − one-hot(label), one row per input. */
export function crossEntropyCotangent(scores: tf.Tensor2D, label: number): tf.Tensor2D {
  return tf.tidy(() => tf.sub(tf.softmax(scores), tf.oneHot(tf.fill([scores.shape[0]], label, 'int32') as tf.Tensor1D, scores.shape[1])) as tf.Tensor2D);
}

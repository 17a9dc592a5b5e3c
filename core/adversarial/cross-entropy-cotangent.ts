import * as tf from '@tensorflow/tfjs-core';

/**
 * ∂ CE(scores, label) / ∂ scores = softmax(scores) − one-hot(label), one row per input. The label is a
 * class index, or `top` for each row's own arg-max (chosen on the device, so nothing is read back).
 */
export function crossEntropyCotangent(scores: tf.Tensor2D, label: number | 'top'): tf.Tensor2D {
  return tf.tidy(() => {
    const labels = label === 'top' ? tf.argMax(scores, 1) : tf.fill([scores.shape[0]], label, 'int32');
    return tf.sub(tf.softmax(scores), tf.oneHot(labels as tf.Tensor1D, scores.shape[1])) as tf.Tensor2D;
  });
}

import * as tf from '@tensorflow/tfjs-core';

/** One row per class with a 1 at that class: the cotangent that selects class scores. */
export function oneHotRows(classes: number[], numClasses: number): tf.Tensor2D {
  return tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(classes, 'int32'), numClasses), 'float32') as tf.Tensor2D);
}

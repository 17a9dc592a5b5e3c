import * as tf from '@tensorflow/tfjs-core';

/** One row per class with a 1 at that class: the cotangent that selects class scores. Classes may be int32 on the device. */
export function oneHotRows(classes: number[] | tf.Tensor1D, numClasses: number): tf.Tensor2D {
  return tf.tidy(() => tf.cast(tf.oneHot(Array.isArray(classes) ? tf.tensor1d(classes, 'int32') : classes, numClasses), 'float32') as tf.Tensor2D);
}

import * as tf from '@tensorflow/tfjs-core';

function rollAxis(x: tf.Tensor4D, shift: number, axis: 1 | 2): tf.Tensor4D {
  const n = x.shape[axis];
  const s = ((shift % n) + n) % n;
  if (s === 0) return tf.clone(x);
  const begin = [0, 0, 0, 0];
  const tailSize: number[] = [-1, -1, -1, -1];
  begin[axis] = n - s;
  const headSize = [-1, -1, -1, -1];
  headSize[axis] = n - s;
  return tf.concat([tf.slice(x, begin, tailSize), tf.slice(x, [0, 0, 0, 0], headSize)], axis);
}

/** Circular shift by (dy, dx) pixels, like numpy.roll on the spatial axes; roll(−dy, −dx) undoes it. */
export function roll(x: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  return tf.tidy(() => rollAxis(rollAxis(x, dy, 1), dx, 2));
}

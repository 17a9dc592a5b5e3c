import * as tf from '@tensorflow/tfjs-core';

/**
 * The h × w window of x [M, H, W, C] from row `top` and column `left`. Sliced as a rank-3 view
 * [M, H, W·C], so whole row runs are copied: far fewer calls than a 4-D slice on the WASM backend.
 */
export function cropWindow(x: tf.Tensor4D, [top, left]: [number, number], [h, w]: [number, number]): tf.Tensor4D {
  const [m, rows, cols, c] = x.shape;
  return tf.tidy(() => tf.reshape(tf.slice(tf.reshape(x, [m, rows, cols * c]), [0, top, left * c], [m, h, w * c]), [m, h, w, c]) as tf.Tensor4D);
}

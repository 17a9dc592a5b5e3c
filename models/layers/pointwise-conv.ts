import * as tf from '@tensorflow/tfjs-core';

/**
 * A 1×1, stride-1 convolution as a matrix product: [N, H, W, I] · [I, O] (the kernel [1, 1, I, O] or
 * any tensor of that size). As fast as the convolution on the WASM backend, and lighter: the backend
 * keeps a transposed copy of every convolution kernel next to XNNPACK's packed one, but only the packed
 * one for a matrix product.
 */
export function pointwiseConv(x: tf.Tensor4D, kernel: tf.Tensor): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w, i] = x.shape;
    const o = kernel.size / i;
    const product = tf.matMul(tf.reshape(x, [n * h * w, i]) as tf.Tensor2D, tf.reshape(kernel, [i, o]) as tf.Tensor2D);
    return tf.reshape(product, [n, h, w, o]) as tf.Tensor4D;
  });
}

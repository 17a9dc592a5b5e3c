import * as tf from '@tensorflow/tfjs-core';

/**
 * Kernel that turns the input gradient of a stride-1 convolution into a forward convolution:
 * spatially flipped, in/out channels swapped. Forward convolutions take the fast (XNNPACK) path on
 * the WASM backend, where Conv2DBackpropInput is a naive loop several times slower.
 */
export function flippedTransposedKernel(kernel: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.transpose(tf.reverse(kernel, [0, 1]), [0, 1, 3, 2]));
}

/** ∂L/∂x of y = conv2d(x, W, stride, pad) given ∂L/∂y, for an input of spatial size `inputHW`. */
export function convInputGradient(
  dy: tf.Tensor4D,
  kernel: tf.Tensor4D,
  flipped: tf.Tensor4D,
  stride: number,
  pad: number,
  inputHW: [number, number],
): tf.Tensor4D {
  const size = kernel.shape[0];
  if (stride === 1) return tf.conv2d(dy, flipped, 1, size - 1 - pad);
  const [batch, , , ] = dy.shape;
  const channels = kernel.shape[2];
  // Strided layers are rare and have few input channels (conv1: 3), so the transpose kernel is cheap there.
  return tf.conv2dTranspose(dy, kernel, [batch, inputHW[0], inputHW[1], channels], stride, pad);
}

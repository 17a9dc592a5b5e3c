import * as tf from '@tensorflow/tfjs-core';
import type { Weights } from './layer.ts';
import { pointwiseInputGradient } from './pointwise-input-gradient.ts';
import { polyphaseKernels, stridedConvInputGradient } from './strided-conv-input-gradient.ts';

/**
 * Kernel that turns the input gradient of a stride-1 convolution into a forward convolution:
 * spatially flipped, in/out channels swapped. Forward convolutions take the fast (XNNPACK) path on
 * the WASM backend, where Conv2DBackpropInput is a naive loop several times slower.
 */
export function flippedTransposedKernel(kernel: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.transpose(tf.reverse(kernel, [0, 1]), [0, 1, 3, 2]));
}

/** Derived kernels that `convInputGradient` needs, keyed under `prefix`. */
export function inputGradientKernels(prefix: string, kernel: tf.Tensor4D, stride: number): Weights {
  if (stride === 1) return { [`${prefix}.flipped`]: flippedTransposedKernel(kernel) };
  return Object.fromEntries(polyphaseKernels(kernel, stride).map((k, a) => [`${prefix}.phase${a}`, k]));
}

/** ∂L/∂x of y = conv2d(x, W, stride, pad) given ∂L/∂y, for an input of spatial size `inputHW`. */
export function convInputGradient(dy: tf.Tensor4D, w: Weights, prefix: string, size: number, stride: number, pad: number, inputHW: [number, number]): tf.Tensor4D {
  const flipped = w[`${prefix}.flipped`] as tf.Tensor4D;
  if (stride === 1 && size === 1 && pad === 0) return pointwiseInputGradient(dy, flipped);
  if (stride === 1) return tf.conv2d(dy, flipped, 1, size - 1 - pad);
  const kernels = Array.from({ length: stride }, (_, a) => w[`${prefix}.phase${a}`] as tf.Tensor4D);
  return stridedConvInputGradient(dy, kernels, stride, pad, inputHW);
}

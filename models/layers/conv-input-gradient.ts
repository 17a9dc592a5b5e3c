import * as tf from '@tensorflow/tfjs-core';
import type { Weights } from './layer.ts';
import { pointwiseInputGradient } from './pointwise-input-gradient.ts';
import { flippedTransposedKernel, polyphaseKernels } from './derived-kernels.ts';
import { stridedConvInputGradient } from './strided-conv-input-gradient.ts';

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

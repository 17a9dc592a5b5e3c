import * as tf from '@tensorflow/tfjs-core';
import { cropWindow } from './crop-window.ts';
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
  if (stride === 1) {
    // A correlation with the flipped kernel, padded by size − 1 − pad. Where the padding is wider than
    // the kernel reaches (SqueezeNet 1.0's conv10: 1×1, pad 1), the outer outputs saw only zeros: cut off.
    const reach = size - 1 - pad;
    const [height, width] = inputHW;
    const inner = reach < 0 ? cropWindow(dy, [-reach, -reach], [height + size - 1, width + size - 1]) : dy;
    return size === 1 ? pointwiseInputGradient(inner, flipped) : tf.conv2d(inner, flipped, 1, Math.max(reach, 0));
  }
  const kernels = Array.from({ length: stride }, (_, a) => w[`${prefix}.phase${a}`] as tf.Tensor4D);
  return stridedConvInputGradient(dy, kernels, stride, pad, inputHW);
}

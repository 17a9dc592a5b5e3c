import * as tf from '@tensorflow/tfjs-core';
import type { Layer, Weights } from './layer.ts';
import { convInputGradient, inputGradientKernels } from './conv-input-gradient.ts';
import { pointwiseConv } from './pointwise-conv.ts';
import { reluMask } from './relu-mask.ts';

export interface ConvOptions {
  stride?: number;
  pad?: number;
  relu?: boolean;
  named?: boolean;
}

/** Convolution + bias (+ ReLU). Weights: `<name>.weight` (HWIO) and `<name>.bias`. */
export function conv(name: string, { stride = 1, pad = 0, relu = true, named = true }: ConvOptions = {}): Layer {
  const kernelOf = (w: Weights) => w[`${name}.weight`] as tf.Tensor4D;
  return {
    name,
    named,
    prepare: (w) => inputGradientKernels(name, kernelOf(w), stride),
    forward(x, w) {
      const out = tf.tidy(() => {
        const kernel = kernelOf(w);
        const pointwise = kernel.shape[0] === 1 && kernel.shape[1] === 1 && stride === 1;
        // A padded 1×1 convolution is the matrix product over the zero-padded input.
        const padded = pointwise && pad > 0 ? tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]]) : x;
        const y = pointwise ? pointwiseConv(padded as tf.Tensor4D, kernel) : tf.conv2d(x as tf.Tensor4D, kernel, stride, pad);
        const z = tf.add(y, w[`${name}.bias`]);
        return relu ? tf.relu(z) : z;
      });
      return { out, saved: [out, x] };
    },
    backward(dy, [out, x], w) {
      return tf.tidy(() => {
        const dz = (relu ? reluMask(dy, out) : dy) as tf.Tensor4D;
        const inputHW: [number, number] = [x.shape[1]!, x.shape[2]!];
        return convInputGradient(dz, w, name, kernelOf(w).shape[0], stride, pad, inputHW);
      });
    },
  };
}

import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from './layer.ts';
import { reluMask } from './relu-mask.ts';

export interface DenseOptions {
  relu?: boolean;
  named?: boolean;
}

/**
 * A fully connected layer (PyTorch's Linear) on [N, in]: y = x·W + b, then ReLU unless it gives the
 * class scores. Weights: `<name>.weight` as [in, out] (PyTorch's [out, in] transposed at preparation)
 * and `<name>.bias`. The input gradient is dy·Wᵀ, masked by the ReLU where there is one.
 */
export function dense(name: string, { relu = true, named = true }: DenseOptions = {}): Layer {
  return {
    name,
    named,
    forward(x, w) {
      const out = tf.tidy(() => {
        const z = tf.add(tf.matMul(x as tf.Tensor2D, w[`${name}.weight`] as tf.Tensor2D), w[`${name}.bias`]);
        return relu ? tf.relu(z) : z;
      });
      return { out, saved: [out] };
    },
    backward(dy, [out], w) {
      return tf.tidy(() => tf.matMul((relu ? reluMask(dy, out) : dy) as tf.Tensor2D, w[`${name}.weight`] as tf.Tensor2D, false, true));
    },
  };
}

import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from './layer.ts';

/**
 * [N, H, W, C] → [N, H·W·C] in this NHWC order, for the dense layers after it. PyTorch flattens in
 * (C, H, W) order, so the first dense layer's weights are permuted to this order when prepared
 * (models/vgg16/serving-tensors.ts). `size` is the H = W the network was built for (VGG16: 7, what its
 * adaptive average pool gives a 224×224 input); another size is refused rather than silently misread.
 */
export function flatten(name: string, size: number): Layer {
  return {
    name,
    named: false,
    forward(x) {
      const [n, h, w, c] = x.shape as [number, number, number, number];
      if (h !== size || w !== size) throw new Error(`${name} expects ${size}×${size} features, got ${h}×${w}`);
      return { out: tf.reshape(x, [n, h * w * c]), saved: [x] };
    },
    backward(dy, [x]) {
      const [, h, w, c] = x.shape as [number, number, number, number];
      return tf.reshape(dy, [dy.shape[0], h, w, c]);
    },
  };
}

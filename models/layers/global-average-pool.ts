import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from './layer.ts';

/** Mean over height and width: [N, H, W, C] → [N, C]. */
export function globalAveragePool(name: string): Layer {
  return {
    name,
    named: false,
    forward(x) {
      return { out: tf.mean(x, [1, 2]), saved: [x] };
    },
    backward(dy, [x]) {
      return tf.tidy(() => {
        const [h, w] = [x.shape[1]!, x.shape[2]!];
        const [m, c] = dy.shape as [number, number];
        // A broadcasting multiply spreads the gradient over H×W; broadcastTo and tile copy element by
        // element on the WASM backend and cost ~100× more.
        return tf.mul(tf.reshape(tf.div(dy, h * w), [m, 1, 1, c]), tf.ones([1, h, w, 1]));
      });
    },
  };
}

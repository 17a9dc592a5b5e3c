import * as tf from '@tensorflow/tfjs-core';
import type { Layer, Weights } from './layer.ts';
import { channelHalves } from './channel-halves.ts';
import { flippedTransposedKernel } from './derived-kernels.ts';
import { pointwiseConv } from './pointwise-conv.ts';
import { reluMask } from './relu-mask.ts';

/**
 * SqueezeNet fire module: squeeze 1×1 → ReLU → [expand 1×1 → ReLU ‖ expand 3×3 (pad 1) → ReLU].
 * Keeps only the squeeze activation and the concatenated output: both ReLU masks are in them.
 */
export function fire(name: string): Layer {
  const k = (w: Weights, part: string) => w[`${name}.${part}.weight`] as tf.Tensor4D;
  const b = (w: Weights, part: string) => w[`${name}.${part}.bias`];
  const flipped = (w: Weights, part: string) => w[`${name}.${part}.flipped`] as tf.Tensor4D;
  return {
    name,
    named: true,
    prepare: (w) => ({
      [`${name}.squeeze.flipped`]: flippedTransposedKernel(k(w, 'squeeze')),
      [`${name}.expand1x1.flipped`]: flippedTransposedKernel(k(w, 'expand1x1')),
      [`${name}.expand3x3.flipped`]: flippedTransposedKernel(k(w, 'expand3x3')),
    }),
    forward(x, w) {
      const squeezed = tf.tidy(() => tf.relu(tf.add(pointwiseConv(x as tf.Tensor4D, k(w, 'squeeze')), b(w, 'squeeze'))));
      const out = tf.tidy(() => {
        const e1 = tf.relu(tf.add(pointwiseConv(squeezed as tf.Tensor4D, k(w, 'expand1x1')), b(w, 'expand1x1')));
        const e3 = tf.relu(tf.add(tf.conv2d(squeezed as tf.Tensor4D, k(w, 'expand3x3'), 1, 1), b(w, 'expand3x3')));
        return tf.concat([e1, e3], 3);
      });
      return { out, saved: [squeezed, out] };
    },
    backward(dy, [squeezed, out], w) {
      return tf.tidy(() => {
        const dOut = reluMask(dy, out) as tf.Tensor4D;
        const expandChannels = k(w, 'expand1x1').shape[3];
        // Equal halves (SqueezeNet's) are picked by convolution: tf.split copies through JS on WASM.
        const equal = 2 * expandChannels === dOut.shape[3];
        const [d1, d3] = equal ? channelHalves(dOut) : (tf.split(dOut, [expandChannels, dOut.shape[3] - expandChannels], 3) as tf.Tensor4D[]);
        const dSqueezed = tf.add(pointwiseConv(d1, flipped(w, 'expand1x1')), tf.conv2d(d3, flipped(w, 'expand3x3'), 1, 1));
        return pointwiseConv(reluMask(dSqueezed, squeezed) as tf.Tensor4D, flipped(w, 'squeeze'));
      });
    },
  };
}

import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from './layer.ts';
import { maxPoolInputGradient } from './max-pool-input-gradient.ts';

/** Output length of a pooling window sweep, PyTorch semantics (ceil mode keeps a last partial window). */
export function pooledLength(length: number, size: number, stride: number, ceil: boolean): number {
  const span = (length - size) / stride;
  let out = (ceil ? Math.ceil(span) : Math.floor(span)) + 1;
  // PyTorch drops a last window that would start past the input.
  if (ceil && (out - 1) * stride >= length) out -= 1;
  return out;
}

/** Padding on the bottom/right that makes a 'valid' TF.js pool produce the ceil-mode output. */
function ceilPadding(x: tf.Tensor, size: number, stride: number): [number, number] {
  const [h, w] = [x.shape[1]!, x.shape[2]!];
  const needH = (pooledLength(h, size, stride, true) - 1) * stride + size - h;
  const needW = (pooledLength(w, size, stride, true) - 1) * stride + size - w;
  return [Math.max(0, needH), Math.max(0, needW)];
}

function padForCeil(x: tf.Tensor4D, [ph, pw]: [number, number]): tf.Tensor4D {
  if (ph === 0 && pw === 0) return x;
  return tf.pad(x, [[0, 0], [0, ph], [0, pw], [0, 0]], -Infinity);
}

/** Max-pool, ceil mode as in torchvision's SqueezeNet. */
export function maxPool(name: string, size = 3, stride = 2, ceil = true): Layer {
  return {
    name,
    named: false,
    forward(x) {
      const padding = ceil ? ceilPadding(x, size, stride) : ([0, 0] as [number, number]);
      const out = tf.tidy(() => tf.maxPool(padForCeil(x as tf.Tensor4D, padding), size, stride, 'valid'));
      return { out, saved: [x] };
    },
    backward(dy, [x]) {
      // The upstream gradient's size says how far the windows reach: the ceil-mode padding.
      return maxPoolInputGradient(dy as tf.Tensor4D, x as tf.Tensor4D, size, stride);
    },
  };
}

import * as tf from '@tensorflow/tfjs-core';
import { pointwiseConv } from './pointwise-conv.ts';

/** Layers at least this wide check which channels the gradient reaches. */
const CHECKED_CHANNELS = 256;

/** Below this share of output channels carrying gradient, only those channels take part. */
const SPARSE_SHARE = 1 / 8;

/** Backends that keep tensors in CPU memory: reading one is a copy, not a GPU pipeline flush. */
function readsAreCheap(): boolean {
  return ['wasm', 'cpu'].includes(tf.getBackend());
}

/** The output channels of dz that carry any gradient, or null when they are too many to single out. */
function channelsReached(dz: tf.Tensor4D): number[] | null {
  const reach = tf.tidy(() => tf.max(tf.abs(dz), [0, 1, 2]));
  const values = reach.dataSync();
  reach.dispose();
  const channels: number[] = [];
  for (let o = 0; o < values.length; o++) if (values[o] !== 0) channels.push(o);
  return channels.length <= SPARSE_SHARE * values.length ? channels : null;
}

/**
 * ∂L/∂x of a 1×1 stride-1 convolution, given ∂L/∂z (z = pre-activation) and its flipped kernel [1, 1, O, I].
 * Under the class-score layer the gradient usually reaches a few channels only: a saliency map of the
 * chosen classes has a one-hot cotangent, and a global average pool spreads it within those channels.
 * Then only their kernel rows take part (top-1: 1 of SqueezeNet's 1000, ~7 ms less on WASM). Finding
 * the reached channels costs a reduction and a synchronous read, so only wide layers look, and only on
 * backends where reading is cheap (a GPU flush per backward pass would cost more than it saves).
 */
export function pointwiseInputGradient(dz: tf.Tensor4D, flipped: tf.Tensor4D): tf.Tensor4D {
  const [, , outChannels, inChannels] = flipped.shape;
  const channels = outChannels >= CHECKED_CHANNELS && readsAreCheap() ? channelsReached(dz) : null;
  if (!channels) return pointwiseConv(dz, flipped);
  const [m, h, w] = dz.shape;
  if (channels.length === 0) return tf.zeros([m, h, w, inChannels]);
  return tf.tidy(() => {
    const index = tf.tensor1d(channels, 'int32');
    const rows = tf.gather(tf.reshape(flipped, [outChannels, inChannels]), index, 0);
    return pointwiseConv(tf.gather(dz, index, 3), rows);
  });
}

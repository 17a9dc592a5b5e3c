import * as tf from '@tensorflow/tfjs-core';

/**
 * The two halves of x [N, H, W, 2C] along the channels. Viewed as [N, H, 2W, C], the halves are the
 * even and odd columns, which a one-hot depthwise convolution with column stride 2 picks exactly (the
 * other tap meets a zero-padded row or is multiplied by 0). On the WASM backend this is ~5× faster than
 * tf.split, whose Slice copies every 64-float run through JS; the kernel is 2×2 because XNNPACK's 1×2
 * depthwise path is slow.
 */
export function channelHalves(x: tf.Tensor4D): [tf.Tensor4D, tf.Tensor4D] {
  const [n, h, w, channels] = x.shape;
  const c = channels / 2;
  return tf.tidy(() => {
    const view = tf.reshape(x, [n, h, 2 * w, c]) as tf.Tensor4D;
    const pick = (column: number) => {
      const oneHot = tf.pad(tf.ones([1, 1, c, 1]), [[0, 1], [column, 1 - column], [0, 0], [0, 0]]) as tf.Tensor4D;
      return tf.depthwiseConv2d(view, oneHot, [1, 2], [[0, 0], [0, 1], [0, 0], [0, 0]]);
    };
    return [pick(0), pick(1)];
  });
}

import * as tf from '@tensorflow/tfjs-core';

/** How many taps each side of the centre `gaussianTaps` uses. */
export function blurRadius(sigma: number): number {
  return Math.max(1, Math.ceil(4 * sigma));
}

/** Normalized 1-D Gaussian taps, truncated at 4σ (as scipy.ndimage.gaussian_filter). */
export function gaussianTaps(sigma: number): number[] {
  const radius = blurRadius(sigma);
  const taps = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const sum = taps.reduce((a, b) => a + b, 0);
  return taps.map((t) => t / sum);
}

/** Separable Gaussian blur per channel with mirrored borders (scipy's 'reflect' mode). */
export function gaussianBlur(x: tf.Tensor4D, sigma: number): tf.Tensor4D {
  if (sigma <= 0) return tf.clone(x);
  return tf.tidy(() => {
    const taps = gaussianTaps(sigma);
    const r = (taps.length - 1) / 2;
    const c = x.shape[3];
    const column = tf.tile(tf.reshape(tf.tensor1d(taps), [taps.length, 1, 1, 1]), [1, 1, c, 1]) as tf.Tensor4D;
    const row = tf.reshape(column, [1, taps.length, c, 1]) as tf.Tensor4D;
    const padded = tf.mirrorPad(x, [[0, 0], [r, r], [r, r], [0, 0]], 'symmetric');
    return tf.depthwiseConv2d(tf.depthwiseConv2d(padded, column, 1, 'valid'), row, 1, 'valid');
  });
}

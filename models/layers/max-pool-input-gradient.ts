import * as tf from '@tensorflow/tfjs-core';

/*
 * Everything here stays at rank ≤ 4: the WASM backend's Slice and StridedSlice kernels are two orders of
 * magnitude slower on rank-6 views and on strides, while 4-D pad, slice and reshape are cheap.
 */

/** Every s-th element along axis 1 or 2 starting at `offset`, `count` of them: x[:, offset::s] limited. */
function takeEvery(x: tf.Tensor4D, axis: 1 | 2, offset: number, stride: number, count: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const begin = axis === 1 ? [0, offset, 0, 0] : [0, 0, offset, 0];
  const size = axis === 1 ? [n, stride * count, w, c] : [n, h, stride * count, c];
  const span = tf.slice(x, begin, size);
  if (axis === 1) return tf.reshape(tf.slice(tf.reshape(span, [n * count, stride, w, c]), [0, 0, 0, 0], [-1, 1, -1, -1]), [n, count, w, c]);
  return tf.reshape(tf.slice(tf.reshape(span, [n * h, count, stride, c]), [0, 0, 0, 0], [-1, -1, 1, -1]), [n, h, count, c]);
}

/** The adjoint of takeEvery: puts v's rows (or columns) at offset, offset + s, … of a length-`length` axis. */
function putEvery(v: tf.Tensor4D, axis: 1 | 2, offset: number, stride: number, length: number): tf.Tensor4D {
  const [m, h, w, c] = v.shape;
  const count = axis === 1 ? h : w;
  const spread =
    axis === 1
      ? tf.reshape(tf.pad(tf.reshape(v, [m * h, 1, w, c]), [[0, 0], [0, stride - 1], [0, 0], [0, 0]]), [m, h * stride, w, c])
      : tf.reshape(tf.pad(tf.reshape(v, [m * h, w, 1, c]), [[0, 0], [0, 0], [0, stride - 1], [0, 0]]), [m, h, w * stride, c]);
  const after = length - offset - count * stride;
  const padding: [number, number][] = [[0, 0], [0, 0], [0, 0], [0, 0]];
  padding[axis] = [offset, after];
  return tf.pad(spread as tf.Tensor4D, padding);
}

/**
 * Input gradient of a max-pool that routes each output's gradient to the FIRST maximum of its window in
 * scan order, as PyTorch does. TF.js backends disagree on ties (the WASM kernel picks the last one), and
 * ties are common in flat image regions, so the rule is written out with portable ops.
 * `input` must be exactly covered by the windows ((H − size) divisible by the stride, as after ceil padding).
 */
export function maxPoolInputGradient(dy: tf.Tensor4D, input: tf.Tensor4D, output: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  return tf.tidy((): tf.Tensor4D => {
    const [, h, w] = input.shape;
    const [ho, wo] = [output.shape[1], output.shape[2]];
    // Room for the last window's stride-wide span.
    const [hp, wp] = [(ho - 1) * stride + size - 1 + stride, (wo - 1) * stride + size - 1 + stride];
    const padded = tf.pad(input, [[0, 0], [0, hp - h], [0, wp - w], [0, 0]]);
    let remaining: tf.Tensor = tf.onesLike(output);
    const parts: tf.Tensor4D[] = [];
    for (let di = 0; di < size; di++) {
      const rows = takeEvery(padded, 1, di, stride, ho);
      for (let dj = 0; dj < size; dj++) {
        const element = takeEvery(rows, 2, dj, stride, wo);
        const first = tf.mul(tf.cast(tf.equal(element, output), 'float32'), remaining);
        remaining = tf.sub(remaining, first);
        const routed = tf.mul(dy, first) as tf.Tensor4D;
        parts.push(putEvery(putEvery(routed, 2, dj, stride, wp), 1, di, stride, hp));
      }
    }
    return tf.slice(tf.addN(parts) as tf.Tensor4D, [0, 0, 0, 0], [-1, h, w, -1]);
  });
}

import * as tf from '@tensorflow/tfjs-core';

/*
 * The pooling windows as blocks: row s·i + d of the input is block (i + ⌊d/s⌋), residue (d mod s).
 * Viewing the padded input as [R, s, C', s·C] makes "element (di, dj) of every window" one 4-D slice;
 * the WASM backend's Slice is slow at rank 6 and StridedSlice is slow at any rank, while 4-D slices,
 * pads at any rank and reshapes are cheap.
 */

interface Geometry {
  size: number;
  stride: number;
  /** Output rows and columns. */
  ho: number;
  wo: number;
  /** Blocks of `stride` rows/columns covering every window. */
  rows: number;
  cols: number;
  channels: number;
}

/** Window element (di, dj) of every output of one image: [1, ho, wo, C], from the column-residue views. */
function windowElement(byColumnResidue: tf.Tensor4D[], g: Geometry, di: number, dj: number): tf.Tensor4D {
  const [bi, pi, bj, pj] = [Math.floor(di / g.stride), di % g.stride, Math.floor(dj / g.stride), dj % g.stride];
  const part = tf.slice(byColumnResidue[pj], [bi, pi, bj, 0], [g.ho, 1, g.wo, g.channels]);
  return tf.reshape(part, [1, g.ho, g.wo, g.channels]);
}

/** The adjoint: v [M, ho, wo, C] placed at window element (di, dj), as a [M, R, s, C', s, C] grid. */
function placeElement(v: tf.Tensor4D, g: Geometry, di: number, dj: number): tf.Tensor {
  const [bi, pi, bj, pj] = [Math.floor(di / g.stride), di % g.stride, Math.floor(dj / g.stride), dj % g.stride];
  const m = v.shape[0];
  const s = g.stride;
  return tf.pad(tf.reshape(v, [m, g.ho, 1, g.wo, 1, g.channels]), [
    [0, 0],
    [bi, g.rows - g.ho - bi],
    [pi, s - 1 - pi],
    [bj, g.cols - g.wo - bj],
    [pj, s - 1 - pj],
    [0, 0],
  ]);
}

/** One input image (batch 1) against an upstream gradient with M rows. */
function singleImage(dy: tf.Tensor4D, input: tf.Tensor4D, output: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  const [, h, w, c] = input.shape;
  const [ho, wo] = [output.shape[1], output.shape[2]];
  const extra = Math.ceil(size / stride) - 1;
  const g: Geometry = { size, stride, ho, wo, rows: Math.max(ho + extra, Math.ceil(h / stride)), cols: Math.max(wo + extra, Math.ceil(w / stride)), channels: c };
  const padded = tf.pad(input, [[0, 0], [0, g.rows * stride - h], [0, g.cols * stride - w], [0, 0]]);
  const view = tf.reshape(padded, [g.rows, stride, g.cols, stride * c]) as tf.Tensor4D;
  // Slicing whole channel runs is several times faster than slicing inside the last axis.
  const byColumnResidue = Array.from({ length: stride }, (_, pj) => tf.slice(view, [0, 0, 0, pj * c], [-1, -1, -1, c]));
  // Memory, not speed, shapes this loop: each offset's temporaries are freed before the next, and the
  // placed pieces are summed as they come, so at most two full-size gradients exist at once.
  let remaining: tf.Tensor = tf.onesLike(output);
  let sum: tf.Tensor | null = null;
  for (let di = 0; di < size; di++) {
    for (let dj = 0; dj < size; dj++) {
      const [first, piece] = tf.tidy(() => {
        // Elements never exceed the window maximum, so step(max − element) is 0 exactly at the maxima.
        // (Arithmetic, not tf.equal: Equal and Cast are slow kernels on the WASM backend.)
        const belowMax = tf.step(tf.sub(output, windowElement(byColumnResidue, g, di, dj)));
        const firstMax = tf.relu(tf.sub(remaining, belowMax));
        return [firstMax, placeElement(tf.mul(dy, firstMax) as tf.Tensor4D, g, di, dj)];
      });
      const nextRemaining = tf.sub(remaining, first);
      const nextSum: tf.Tensor = sum ? tf.add(sum, piece) : piece;
      tf.dispose([remaining, first, ...(sum ? [sum, piece] : [])]);
      remaining = nextRemaining;
      sum = nextSum;
    }
  }
  const m = dy.shape[0];
  const grid = tf.reshape(sum!, [m, g.rows * stride, g.cols * stride, c]) as tf.Tensor4D;
  return tf.slice(grid, [0, 0, 0, 0], [m, h, w, c]);
}

/**
 * Input gradient of a max-pool that routes each output's gradient to the FIRST maximum of its window in
 * scan order, as PyTorch does. TF.js backends disagree on ties (the WASM kernel picks the last one), and
 * ties are common in flat image regions, so the rule is written out with portable ops.
 * The input must be exactly covered by the windows (as after ceil-mode padding).
 */
export function maxPoolInputGradient(dy: tf.Tensor4D, input: tf.Tensor4D, output: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  return tf.tidy(() => {
    const n = input.shape[0];
    if (n === 1) return singleImage(dy, input, output, size, stride);
    const images = tf.split(input, n);
    const outputs = tf.split(output, n);
    const upstream = tf.split(dy, n);
    return tf.concat(images.map((x, i) => singleImage(upstream[i], x, outputs[i], size, stride)));
  });
}

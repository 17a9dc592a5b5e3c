import * as tf from '@tensorflow/tfjs-core';

/*
 * Written with the ops that are fast on the WASM backend (element-wise maths, pads, pools, depthwise
 * convolutions, concats) and none of the slow ones (Slice and Split copy through JS; StridedSlice,
 * DepthToSpace, Equal, Cast and Tile are slow too).
 *
 * Separable: a k × k window's first maximum in scan order lies in the first row whose maximum is the
 * window's, at that row's first maximum. So the gradient goes back in two 1-D steps, each over k
 * elements instead of k²: from the output to the row maxima (a k × 1 pool of them), then from the row
 * maxima (a 1 × k pool of the input) to the input.
 *
 * In each step, element d of every window is a depthwise convolution with a one-hot kernel, and the
 * gradient it receives lands on position s·i + d = s·(i + ⌊d/s⌋) + (d mod s): on residue phase d mod s,
 * shifted by ⌊d/s⌋. So it accumulates in s low-resolution phase grids with pads, and one concat
 * interleaves them.
 */

/** Stands in for −∞ where the ceil-mode windows hang over the input: a one-hot convolution turns 0 · −∞ into NaN. */
const LOWEST = -3.4028234663852886e38;

type Axis = 1 | 2;

/**
 * Gradient w.r.t. `values` [N, H, W, C] of `pooled` = the max over windows of `size` along `axis` with
 * `stride` (all windows 'valid'), given `dy` [M, …pooled] (taken over and freed; across `axis` it may
 * run longer than `pooled`, with zeros) and routing each window's gradient to its first maximum. Along
 * `axis` the result spans `stride` × its phase grid, at least the length of `values`; across, that of
 * `dy`. `done` is freed before the result is assembled.
 */
function firstMaxAlong(axis: Axis, dy: tf.Tensor4D, values: tf.Tensor4D, pooled: tf.Tensor4D, size: number, stride: number, done: tf.Tensor[]): tf.Tensor4D {
  const [m, c] = [dy.shape[0], values.shape[3]];
  const across: Axis = axis === 1 ? 2 : 1;
  const windows = pooled.shape[axis];
  // Enough phase cells for every shift and for all of `values`.
  const cells = Math.max(windows + Math.ceil(size / stride) - 1, Math.ceil(values.shape[axis] / stride));
  const [rows, cols] = axis === 1 ? [cells, dy.shape[2]] : [dy.shape[1], cells];
  const padAlong = (t: tf.Tensor, ax: Axis, before: number, after: number) => {
    const padding: [number, number][] = [[0, 0], [0, 0], [0, 0], [0, 0]];
    padding[ax] = [before, after];
    return tf.pad(t, padding);
  };
  const phases: (tf.Tensor | null)[] = new Array(stride).fill(null);
  // The gradient of windows whose maximum the scan has not met yet; it drops to 0 at the first one.
  let carried: tf.Tensor = dy;
  // Nested tidies: full-size temporaries are freed as soon as possible (the WASM heap never shrinks).
  for (let d = 0; d < size; d++) {
    const belowMax = tf.tidy(() => {
      // Elements never exceed the window maximum, so step(max − element) is 0 exactly at the maxima.
      // (Arithmetic, not tf.equal: Equal and Cast are slow kernels on the WASM backend.)
      const below = tf.step(tf.tidy(() => tf.sub(pooled, tf.depthwiseConv2d(values, oneHot(axis, size, d, c), axis === 1 ? [stride, 1] : [1, stride], 'valid'))));
      const extra = dy.shape[across] - pooled.shape[across];
      return extra ? padAlong(below, across, 0, extra) : below;
    });
    const next = tf.mul(carried, belowMax);
    belowMax.dispose();
    const shift = Math.floor(d / stride);
    const placed = tf.tidy(() => padAlong(tf.sub(carried, next), axis, shift, cells - windows - shift));
    carried.dispose();
    carried = next;
    const sum = phases[d % stride];
    phases[d % stride] = sum ? tf.add(sum, placed) : placed;
    if (sum) tf.dispose([sum, placed]);
  }
  tf.dispose([carried, ...done]);
  const filled = phases.map((p) => p ?? tf.zeros([m, rows, cols, c]));
  // Interleaving is a concat: along a new axis after the rows, or along the channels (order (phase, c)
  // is the memory order of interleaved columns).
  const interleaved = tf.tidy(() => {
    const parts = axis === 1 ? filled.map((p) => tf.reshape(p, [m, rows, 1, cols * c])) : filled;
    const [height, width] = axis === 1 ? [rows * stride, cols] : [rows, cols * stride];
    return tf.reshape(tf.concat(parts, axis === 1 ? 2 : 3), [m, height, width, c]) as tf.Tensor4D;
  });
  tf.dispose(filled);
  return interleaved;
}

/** Depthwise kernel [size, 1, C, 1] (rows) or [1, size, C, 1] (columns) that picks element d of a window. */
function oneHot(axis: Axis, size: number, d: number, channels: number): tf.Tensor4D {
  const along: [number, number] = [d, size - 1 - d];
  return tf.pad(tf.ones([1, 1, channels, 1]), axis === 1 ? [along, [0, 0], [0, 0], [0, 0]] : [[0, 0], along, [0, 0], [0, 0]]) as tf.Tensor4D;
}

/** x [M, H', W', C] without its bottom/right excess beyond h × w; frees x. */
function cropTo(x: tf.Tensor4D, h: number, w: number): tf.Tensor4D {
  const [, hx, wx, c] = x.shape;
  if (hx === h && wx === w) return x;
  // A one-hot 'valid' convolution: a Slice copies row by row through JS on WASM, several times slower.
  // Square kernels only (XNNPACK's depthwise 2×1 and 1×2 paths are ~10× slower), so the excesses are
  // first made equal.
  const excess = Math.max(hx - h, wx - w);
  const cropped = tf.tidy(() => {
    const even = hx - h === wx - w ? x : (tf.pad(x, [[0, 0], [0, excess - (hx - h)], [0, excess - (wx - w)], [0, 0]]) as tf.Tensor4D);
    const oneHot = tf.pad(tf.ones([1, 1, c, 1]), [[0, excess], [0, excess], [0, 0], [0, 0]]) as tf.Tensor4D;
    return tf.depthwiseConv2d(even, oneHot, 1, 'valid');
  });
  x.dispose();
  return cropped;
}

/**
 * Input gradient of a max-pool ('valid' windows over `input` padded at the bottom/right as far as the
 * upstream gradient's size requires, as in ceil mode) that routes each output's gradient to the FIRST
 * maximum of its window in scan order, as PyTorch does. TF.js backends disagree on ties (the WASM
 * kernel picks the last one), and ties are common in flat image regions, so the rule is written out.
 * `input` has batch 1 or M (rows of `dy`); the input must be finite.
 */
export function maxPoolInputGradient(dy: tf.Tensor4D, input: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  const [, h, w] = input.shape;
  const [, ho, wo] = dy.shape;
  // Ceil-mode windows may hang over the input; 'valid' pools over this extent give exactly ho × wo.
  const [he, we] = [Math.max(h, (ho - 1) * stride + size), Math.max(w, (wo - 1) * stride + size)];
  const padded = he > h || we > w ? tf.pad(input, [[0, 0], [0, he - h], [0, we - w], [0, 0]], LOWEST) : input;
  const rowMaxima = tf.maxPool(padded, [1, size], [1, stride], 'valid');
  const output = tf.maxPool(rowMaxima, [size, 1], [stride, 1], 'valid');
  const dRowMaxima = firstMaxAlong(1, tf.clone(dy), rowMaxima, output, size, stride, [output]);
  const dPadded = firstMaxAlong(2, dRowMaxima, padded, rowMaxima, size, stride, padded === input ? [rowMaxima] : [rowMaxima, padded]);
  return cropTo(dPadded, h, w);
}

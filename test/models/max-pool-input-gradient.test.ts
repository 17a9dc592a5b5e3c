import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { maxPoolInputGradient } from '../../models/layers/max-pool-input-gradient.ts';
import { pooledLength } from '../../models/layers/max-pool.ts';

beforeAll(useWasmBackend);

/** PyTorch's rule, written as plain loops: each window's gradient goes to its first maximum in scan order. */
function reference(x: Float32Array, [h, w, c]: number[], dy: Float32Array, m: number, [ho, wo]: number[], size: number, stride: number): Float32Array {
  const dx = new Float32Array(m * h * w * c);
  for (let r = 0; r < m; r++) {
    for (let i = 0; i < ho; i++) {
      for (let j = 0; j < wo; j++) {
        for (let ch = 0; ch < c; ch++) {
          let best = -Infinity;
          let at = -1;
          for (let di = 0; di < size; di++) {
            for (let dj = 0; dj < size; dj++) {
              const [p, q] = [i * stride + di, j * stride + dj];
              if (p >= h || q >= w) continue;
              const v = x[(p * w + q) * c + ch];
              if (v > best) [best, at] = [v, (p * w + q) * c + ch];
            }
          }
          dx[r * h * w * c + at] += dy[((r * ho + i) * wo + j) * c + ch];
        }
      }
    }
  }
  return dx;
}

describe('first-maximum input gradient of a max-pool', () => {
  // [height, width, size, stride, ceil]: SqueezeNet's 3/2 at odd and even sizes, no overlap, stride 3.
  const cases: [number, number, number, number, boolean][] = [
    [11, 11, 3, 2, true],
    [10, 9, 3, 2, true],
    [10, 9, 3, 2, false],
    [8, 8, 2, 2, false],
    [9, 7, 2, 3, true],
    [13, 12, 4, 3, true],
  ];
  it.each(cases)('matches plain loops with many ties: %i×%i, size %i, stride %i, ceil %s', (h, w, size, stride, ceil) => {
    const c = 3;
    const m = 2;
    // Few distinct values, so most windows hold tied maxima.
    const x = tf.tidy(() => tf.floor(tf.randomUniform([1, h, w, c], -2, 1, 'float32', h * w + size)));
    const [ho, wo] = [pooledLength(h, size, stride, ceil), pooledLength(w, size, stride, ceil)];
    const dy = tf.randomNormal([m, ho, wo, c], 0, 1, 'float32', 7) as tf.Tensor4D;
    const ours = maxPoolInputGradient(dy, x as tf.Tensor4D, size, stride);
    expect(ours.shape).toEqual([m, h, w, c]);
    const expected = reference(x.dataSync() as Float32Array, [h, w, c], dy.dataSync() as Float32Array, m, [ho, wo], size, stride);
    const got = ours.dataSync();
    for (let i = 0; i < expected.length; i++) expect(got[i]).toBeCloseTo(expected[i], 5);
    tf.dispose([x, dy, ours]);
  });

  it('keeps the images of a batch apart', () => {
    const x = tf.tidy(() => tf.floor(tf.randomUniform([2, 11, 11, 2], -2, 1, 'float32', 3))) as tf.Tensor4D;
    const dy = tf.randomNormal([2, 5, 5, 2], 0, 1, 'float32', 4) as tf.Tensor4D;
    const both = maxPoolInputGradient(dy, x, 3, 2).dataSync();
    const half = both.length / 2;
    for (let n = 0; n < 2; n++) {
      const image = tf.slice(x, [n, 0, 0, 0], [1, -1, -1, -1]);
      const upstream = tf.slice(dy, [n, 0, 0, 0], [1, -1, -1, -1]);
      const expected = reference(image.dataSync() as Float32Array, [11, 11, 2], upstream.dataSync() as Float32Array, 1, [5, 5], 3, 2);
      for (let i = 0; i < half; i++) expect(both[n * half + i]).toBeCloseTo(expected[i], 5);
      tf.dispose([image, upstream]);
    }
    tf.dispose([x, dy]);
  });

  it('leaves no tensor behind', () => {
    const x = tf.randomUniform([1, 11, 11, 2]) as tf.Tensor4D;
    const dy = tf.ones([3, 5, 5, 2]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    tf.dispose(maxPoolInputGradient(dy, x, 3, 2));
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, dy]);
  });
});

import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { maxPool, pooledLength } from '../../models/layers/max-pool.ts';
import { oneHotRows } from '../../core/saliency/one-hot-rows.ts';
import { finiteDifferences } from '../helpers/analytic-model.ts';
import { tinySqueezeNet, tinySqueezeNet10 } from '../helpers/tiny-squeezenet.ts';

beforeAll(useWasmBackend);

const tinyNet = () => tinySqueezeNet();

describe('ceil-mode pooling', () => {
  it('follows PyTorch output sizes', () => {
    expect(pooledLength(111, 3, 2, true)).toBe(55);
    expect(pooledLength(6, 3, 2, true)).toBe(3);
    expect(pooledLength(6, 3, 2, false)).toBe(2);
    // PyTorch drops a window that would start past the input: 5 → 2, not 3.
    expect(pooledLength(5, 2, 2, true)).toBe(3);
    expect(pooledLength(4, 3, 2, true)).toBe(2);
  });

  it('routes each gradient to the first maximum of its window when values tie (PyTorch’s rule)', () => {
    const layer = maxPool('p', 3, 2, false);
    // 5×5 of ones with a 2 at (3, 0): windows 0, 1, 3 are all ties.
    const x = tf.tensor4d([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 5, 5, 1]);
    const { out, saved } = layer.forward(x, {});
    const dx = layer.backward(tf.tensor4d([1, 10, 100, 1000], [1, 2, 2, 1]), saved, {});
    const expected = new Array(25).fill(0);
    expected[0] = 1; // window (0,0): first element
    expected[2] = 10; // window (0,1) starts at column 2
    expected[15] = 100; // window (1,0): the 2 at (3,0)
    expected[12] = 1000; // window (1,1) starts at (2,2)
    expect(Array.from(dx.dataSync())).toEqual(expected);
    tf.dispose([x, out, dx]);
  });
});

const randomInput = (size: number) => tf.tidy(() => tf.add(tf.mul(tf.randomUniform([1, size, size, 3], 0, 1, 'float32', 5), 2), -1) as tf.Tensor4D);

describe.each([
  ['SqueezeNet 1.1', tinyNet],
  ['SqueezeNet 1.0 (7×7 stride-2 conv1, unequal fire halves, padded 1×1 conv10)', () => tinySqueezeNet10()],
])('hand-written input gradient of a miniature %s', (_, makeNet) => {
  it.each([0, 3])('matches central finite differences for class %i', (c) => {
    const model = makeNet();
    const input = randomInput(model.info.inputSize);
    const { scores, grad } = model.gradient(input, (s) => oneHotRows([c], s.shape[1]));
    const numeric = finiteDifferences((t) => model.scores(t).dataSync()[c], input, 1e-3);
    const analytic = grad.dataSync();
    let diff = 0;
    let norm = 0;
    for (let i = 0; i < numeric.length; i++) {
      diff += (analytic[i] - numeric[i]) ** 2;
      norm += numeric[i] ** 2;
    }
    expect(norm).toBeGreaterThan(0);
    expect(Math.sqrt(diff / norm)).toBeLessThan(1e-2);
    tf.dispose([input, scores, grad]);
    model.dispose();
  });
});

describe('hand-written input gradient of a sequential network', () => {
  const x = () => randomInput(13);

  it('gives the same rows for M cotangents on one input as for M separate passes', () => {
    const model = tinyNet();
    const input = x();
    const cot = tf.tensor2d([[1, 0, 0, 0, 0], [0, 0, 2, 0, -1]]);
    const both = model.gradient(input, () => tf.clone(cot));
    const first = model.gradient(input, () => tf.slice(cot, [0, 0], [1, 5]));
    const second = model.gradient(input, () => tf.slice(cot, [1, 0], [1, 5]));
    expect(both.grad.shape).toEqual([2, 13, 13, 3]);
    const rows = both.grad.dataSync();
    const half = rows.length / 2;
    const a = first.grad.dataSync();
    const b = second.grad.dataSync();
    for (let i = 0; i < half; i++) {
      expect(rows[i]).toBeCloseTo(a[i], 5);
      expect(rows[half + i]).toBeCloseTo(b[i], 5);
    }
    tf.dispose([input, cot, both.scores, both.grad, first.scores, first.grad, second.scores, second.grad]);
    model.dispose();
  });

  it('leaves no tensor behind in scores, gradient and activations', () => {
    const model = tinyNet();
    const input = x();
    const before = tf.memory().numTensors;
    tf.dispose(model.scores(input));
    const g = model.gradient(input, (s) => tf.onesLike(s));
    tf.dispose([g.scores, g.grad]);
    const acts = model.activations(input);
    expect(Object.keys(acts)).toEqual(['conv1', 'fire2', 'conv10', 'scores']);
    tf.dispose(Object.values(acts));
    expect(tf.memory().numTensors).toBe(before);
    input.dispose();
    model.dispose();
  });
});

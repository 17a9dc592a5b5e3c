import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { conv } from '../../models/layers/conv.ts';

beforeAll(useWasmBackend);

describe('input gradient of the convolution layer', () => {
  // [input, kernel, stride, pad]: SqueezeNet 1.0's conv1 (7×7, stride 2) and conv10 (1×1, pad 1), padding past a
  // 3×3 kernel's reach, and the plain cases.
  const cases: [number, number, number, number][] = [
    [21, 7, 2, 0],
    [13, 1, 1, 1],
    [9, 1, 1, 2],
    [9, 3, 1, 3],
    [9, 3, 1, 1],
    [9, 1, 1, 0],
  ];
  it.each(cases)('equals the transposed convolution over the zero-padded input for input %i, kernel %i, stride %i, pad %i', (size, k, stride, pad) => {
    const layer = conv('c', { stride, pad, relu: false });
    const weights: Record<string, tf.Tensor> = { 'c.weight': tf.randomNormal([k, k, 3, 5], 0, 1, 'float32', 7), 'c.bias': tf.fill([5], 0.1) };
    Object.assign(weights, layer.prepare!(weights));
    const x = tf.randomNormal([1, size, size, 3], 0, 1, 'float32', 8) as tf.Tensor4D;
    const { out, saved } = layer.forward(x, weights);
    const reference = (input: tf.Tensor4D) => {
      const padded = tf.pad(input, [[0, 0], [pad, pad], [pad, pad], [0, 0]]) as tf.Tensor4D;
      return tf.add(tf.conv2d(padded, weights['c.weight'] as tf.Tensor4D, stride, 'valid'), weights['c.bias']);
    };
    const expectedOut = reference(x);
    expect(out.shape).toEqual(expectedOut.shape);
    expect(tf.max(tf.abs(tf.sub(out, expectedOut))).dataSync()[0]).toBeLessThan(1e-4);
    const [, ho, wo, channels] = out.shape as number[];
    const dy = tf.randomNormal([2, ho, wo, channels], 0, 1, 'float32', 9) as tf.Tensor4D;
    const ours = layer.backward(dy, saved, weights);
    // The padded input's gradient by TF.js's own transposed convolution, its border cut off.
    const paddedGradient = tf.conv2dTranspose(dy, weights['c.weight'] as tf.Tensor4D, [2, size + 2 * pad, size + 2 * pad, 3], stride, 'valid');
    const expected = tf.slice(paddedGradient, [0, pad, pad, 0], [2, size, size, 3]);
    expect(ours.shape).toEqual([2, size, size, 3]);
    expect(tf.max(tf.abs(tf.sub(ours, expected))).dataSync()[0]).toBeLessThan(1e-4);
    tf.dispose([...Object.values(weights), x, out, ...saved, expectedOut, dy, ours, paddedGradient, expected]);
  });
});

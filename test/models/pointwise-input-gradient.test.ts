import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { pointwiseInputGradient } from '../../models/layers/pointwise-input-gradient.ts';

beforeAll(useWasmBackend);

describe('input gradient of a 1×1 convolution', () => {
  // Channels of a 512-wide layer that carry gradient: a one-hot class, top-3, none, all.
  const cases: [string, number[]][] = [
    ['one channel', [7]],
    ['three channels', [0, 200, 511]],
    ['no channel', []],
    ['every channel', Array.from({ length: 512 }, (_, o) => o)],
  ];
  it.each(cases)('equals the full convolution when the gradient reaches %s', (_, channels) => {
    const flipped = tf.randomNormal([1, 1, 512, 24], 0, 1, 'float32', 3) as tf.Tensor4D;
    const mask = tf.tensor1d(Array.from({ length: 512 }, (_, o) => (channels.includes(o) ? 1 : 0)));
    const dz = tf.tidy(() => tf.mul(tf.randomNormal([2, 5, 5, 512], 0, 1, 'float32', 4), mask)) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const ours = pointwiseInputGradient(dz, flipped);
    expect(tf.memory().numTensors).toBe(before + 1);
    const reference = tf.conv2d(dz, flipped, 1, 0);
    expect(ours.shape).toEqual([2, 5, 5, 24]);
    expect(tf.max(tf.abs(tf.sub(ours, reference))).dataSync()[0]).toBeLessThan(1e-4);
    tf.dispose([flipped, mask, dz, ours, reference]);
  });
});

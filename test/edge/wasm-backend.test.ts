import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { startWasmBackend, wasmHeapBytes } from '../../functions/runtime/wasm-backend.ts';

describe('WASM backend inside workerd', () => {
  it('starts once, on the SIMD wasm backend, and concurrent starts share it', async () => {
    await Promise.all([startWasmBackend(), startWasmBackend(), startWasmBackend()]);
    expect(tf.getBackend()).toBe('wasm');
    expect(wasmHeapBytes()).toBeGreaterThan(0);
  });

  it('computes a convolution gradient (register_all_gradients is loaded)', async () => {
    await startWasmBackend();
    // d/dx Σ conv(x, k) for a 1×3×3×1 input and an all-ones 2×2 kernel: how many windows cover each pixel.
    const x = tf.zeros([1, 3, 3, 1]) as tf.Tensor4D;
    const kernel = tf.ones([2, 2, 1, 1]) as tf.Tensor4D;
    const grad = tf.grad((input: tf.Tensor) => tf.sum(tf.conv2d(input as tf.Tensor4D, kernel, 1, 'valid')))(x);
    expect(Array.from(await grad.data())).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1]);
    tf.dispose([x, kernel, grad]);
  });
});

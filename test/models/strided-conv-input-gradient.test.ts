import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { polyphaseKernels } from '../../models/layers/derived-kernels.ts';
import { stridedConvInputGradient } from '../../models/layers/strided-conv-input-gradient.ts';

beforeAll(useWasmBackend);

describe('polyphase input gradient of a strided convolution', () => {
  // [input size, kernel size, stride, pad]: odd and even sizes, kernels smaller and larger than the stride, padding.
  const cases: [number, number, number, number][] = [
    [13, 3, 2, 0],
    [224, 3, 2, 0],
    [12, 3, 2, 1],
    [11, 5, 2, 2],
    [10, 2, 3, 0],
    [17, 7, 3, 1],
    // SqueezeNet 1.0's conv1: 7×7, stride 2 on 227 px (the residue grid overshoots the input by one row and column).
    [227, 7, 2, 0],
    [21, 7, 2, 0],
  ];
  it.each(cases)('equals conv2dTranspose for input %i, kernel %i, stride %i, pad %i', (size, k, s, pad) => {
    const kernel = tf.randomNormal([k, k, 3, 5], 0, 1, 'float32', 1) as tf.Tensor4D;
    const x = tf.zeros([1, size, size, 3]) as tf.Tensor4D;
    const outShape = tf.conv2d(x, kernel, s, pad).shape;
    const dy = tf.randomNormal([2, outShape[1], outShape[2], 5], 0, 1, 'float32', 2) as tf.Tensor4D;
    const kernels = polyphaseKernels(kernel, s);
    const ours = stridedConvInputGradient(dy, kernels, s, pad, [size, size]);
    const reference = tf.conv2dTranspose(dy, kernel, [2, size, size, 3], s, pad);
    expect(ours.shape).toEqual(reference.shape);
    const error = tf.max(tf.abs(tf.sub(ours, reference))).dataSync()[0];
    expect(error).toBeLessThan(1e-4);
    tf.dispose([kernel, x, dy, ...kernels, ours, reference]);
  });
});

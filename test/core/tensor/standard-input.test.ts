import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../../cli/wasm-backend.ts';
import { oneHotRows } from '../../../core/saliency/one-hot-rows.ts';
import { normalize } from '../../../core/tensor/image-tensor.ts';
import { STANDARD_PREPROCESSING, onStandardInput } from '../../../core/tensor/standard-input.ts';
import { CAFFE_PREPROCESSING, TORCHVISION_PREPROCESSING } from '../../../models/preprocessing.ts';
import { analyticModel, finiteDifferences } from '../../helpers/analytic-model.ts';

beforeAll(useWasmBackend);

const PIXELS = [60, 120, 80, 140, 90, 100, 70, 110, 130, 100, 150, 90];

describe('a classifier on the standard input', () => {
  it('is the model itself for torchvision’s preprocessing (SqueezeNet 1.1 keeps its numbers)', () => {
    expect(TORCHVISION_PREPROCESSING).toEqual(STANDARD_PREPROCESSING);
    const model = analyticModel(2, TORCHVISION_PREPROCESSING);
    expect(onStandardInput(model)).toBe(model);
  });

  it('for a Caffe model (BGR, levels minus means): the same scores for the same pixels, and the gradient by finite differences', () => {
    const model = analyticModel(2, CAFFE_PREPROCESSING);
    const standard = onStandardInput(model);
    expect(standard.info.preprocessing).toBe(STANDARD_PREPROCESSING);
    const pixels = tf.tensor4d(PIXELS, [1, 2, 2, 3]);
    const u = normalize(pixels, standard.info);
    const direct = tf.tidy(() => model.scores(normalize(pixels, model.info)));
    const mapped = standard.scores(u);
    Array.from(mapped.dataSync()).forEach((s, k) => expect(s).toBeCloseTo(direct.dataSync()[k], 2));
    for (const c of [0, 1, 2]) {
      const { scores, grad } = standard.gradient(u, (s) => oneHotRows([c], s.shape[1]));
      const numeric = finiteDifferences((t) => standard.scores(t).dataSync()[c], u, 1e-3);
      const largest = numeric.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      Array.from(grad.dataSync()).forEach((g, i) => expect(Math.abs(g - numeric[i])).toBeLessThan(1e-2 * largest));
      tf.dispose([scores, grad]);
    }
    tf.dispose([pixels, u, direct, mapped]);
  });

  it('leaves no tensor behind', () => {
    const standard = onStandardInput(analyticModel(2, CAFFE_PREPROCESSING));
    const u = tf.zeros([1, 2, 2, 3]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    tf.dispose(standard.scores(u));
    const { scores, grad } = standard.gradient(u, (s) => tf.onesLike(s));
    tf.dispose([scores, grad, ...Object.values(standard.activations(u))]);
    expect(tf.memory().numTensors).toBe(before);
    u.dispose();
  });
});

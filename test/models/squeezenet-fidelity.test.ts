import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { classScores } from '../../core/predict/predict.ts';
import { decodeNpy } from '../../core/image/decode-npy.ts';
import { saliencyMaps } from '../../core/saliency/saliency-maps.ts';
import type { Classifier } from '../../core/model.ts';
import { loadNodeModel } from '../../cli/node-model.ts';
import { maxAbsDifference, pearson, referenceArray, referenceCases, sampleImage } from '../helpers/real-model.ts';
import { sharedDir } from '../helpers/shared-path.ts';

let model: Classifier;
beforeAll(async () => {
  model = await loadNodeModel('squeezenet1_1');
});

describe('SqueezeNet 1.1 forward pass against the ONNX test sets', () => {
  it.each([0, 1, 2])('test_data_set_%i: all 1000 scores within 1e-3', (k) => {
    const dir = sharedDir(`models/squeezenet1_1/reference/test_data_set_${k}`);
    const input = decodeNpy(new Uint8Array(readFileSync(`${dir}/input_0.npy`)));
    const expected = decodeNpy(new Uint8Array(readFileSync(`${dir}/output_0.npy`)));
    expect(input.shape).toEqual([1, 3, 224, 224]);
    const scores = tf.tidy(() => model.scores(tf.transpose(tf.tensor4d(input.data, [1, 3, 224, 224]), [0, 2, 3, 1]) as tf.Tensor4D));
    const actual = scores.dataSync();
    scores.dispose();
    expect(actual).toHaveLength(1000);
    expect(maxAbsDifference(actual, expected.data)).toBeLessThan(1e-3);
  });
});

describe('against the PyTorch reference on the twelve labelled images', () => {
  const cases = referenceCases();

  it('has twelve reference cases', () => expect(cases).toHaveLength(12));

  it.each(cases.map((c) => [c.name, c] as const))('%s: logits within 1e-3 and saliency r ≥ 0.999', async (name, ref) => {
    const image = sampleImage(name);
    const logits = await classScores(model, image);
    expect(maxAbsDifference(logits, referenceArray(name, 'logits'))).toBeLessThan(1e-3);
    const { predictions, maps } = await saliencyMaps(model, image);
    expect(predictions[0].index).toBe(ref.top);
    expect(maps[0].class.index).toBe(ref.top);
    expect(pearson(maps[0].data, referenceArray(name, 'saliency_top'))).toBeGreaterThanOrEqual(0.999);
  });
});

/**
 * VGG16 through the same code path as the full network, on the mini fixture (torchvision's key names,
 * every width divided by 8): the checkpoint is read from PyTorch's own file, prepared to the serving
 * layouts, and must reproduce PyTorch's scores and saliency maps (reference-mini). Without the flatten
 * permutation the scores are wrong, which proves the (C, H, W) → (H, W, C) order is needed and right.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { decodeNpy } from '../../core/image/decode-npy.ts';
import type { Classifier } from '../../core/model.ts';
import { channelMaxAbs } from '../../core/saliency/channel-max-abs.ts';
import { oneHotRows } from '../../core/saliency/one-hot-rows.ts';
import { toTfjsLayout } from '../../models/prepare/to-tfjs-layout.ts';
import { fileSource } from '../../models/pytorch/byte-sources.ts';
import { readStateDict } from '../../models/pytorch/read-state-dict.ts';
import { modelInfo } from '../../models/registry.ts';
import { sequentialClassifier } from '../../models/sequential.ts';
import { vgg16Layers } from '../../models/vgg16/architecture.ts';
import { ARCHITECTURES } from '../../models/architectures.ts';
import { checkpointTensors } from '../../models/prepare/checkpoint-tensors.ts';
import { maxAbsDifference, pearson } from '../helpers/real-model.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const SETS = [0, 1, 2, 3, 4, 5];
const reference = (k: number, file: string) => decodeNpy(new Uint8Array(readFileSync(sharedDir(`models/vgg16/reference-mini/test_data_set_${k}`, file)))).data as Float32Array;
const index = JSON.parse(readFileSync(sharedDir('models/vgg16/reference-mini', 'index.json'), 'utf8')) as { top: number; top_score: number }[];
/** torchvision's preprocessing is SqueezeNet 1.1's: the mini net takes the same normalized input. */
const info = { ...modelInfo('squeezenet1_1'), id: 'vgg16-mini', name: 'VGG16 (mini fixture)' };

let model: Classifier;

async function build(permute: boolean): Promise<Classifier> {
  const source = await fileSource(sharedDir('models/vgg16', 'vgg16-mini-legacy.pth'));
  const weights: Record<string, tf.Tensor> = {};
  try {
    const records = await readStateDict(source);
    if (permute) {
      for await (const t of checkpointTensors(ARCHITECTURES.vgg16, records, 'vgg16-mini-legacy.pth')) weights[t.name] = tf.tensor(t.data, t.shape, 'float32');
    } else {
      // The naive preparation: every Linear only transposed, columns left in PyTorch's (C, H, W) order.
      for (const r of records) {
        const data = await r.read();
        if (r.shape.length === 4) {
          const { data: hwio, shape } = toTfjsLayout(data, r.shape);
          weights[r.name] = tf.tensor(hwio, shape, 'float32');
        } else if (r.shape.length === 2) weights[r.name] = tf.tidy(() => tf.transpose(tf.tensor2d(data, r.shape as [number, number])));
        else weights[r.name] = tf.tensor(data, r.shape, 'float32');
      }
    }
  } finally {
    await source.close();
  }
  return sequentialClassifier(info, vgg16Layers(), weights);
}

const input = (k: number) => tf.tidy(() => tf.transpose(tf.tensor4d(reference(k, 'input_0.npy'), [1, 3, 224, 224]), [0, 2, 3, 1]) as tf.Tensor4D);

beforeAll(async () => {
  await useWasmBackend();
  model = await build(true);
});

afterAll(() => model?.dispose());

describe('VGG16 (mini fixture) against PyTorch', () => {
  it.each(SETS)('test_data_set_%i: all 1000 scores within 1e-3, the same top class', async (k) => {
    const x = input(k);
    const scores = model.scores(x);
    const actual = (await scores.data()) as Float32Array;
    tf.dispose([x, scores]);
    expect(maxAbsDifference(actual, reference(k, 'output_0.npy'))).toBeLessThan(1e-3);
    expect(actual.indexOf(Math.max(...actual))).toBe(index[k].top);
    // Scores of the last Linear, without a ReLU: some are negative, unlike SqueezeNet's.
    expect(Math.min(...actual)).toBeLessThan(0);
  });

  it.each(SETS)('test_data_set_%i: saliency of the top class at r ≥ 0.999 and equal in magnitude (total within 1e-3, every pixel within 5 % of the maximum)', async (k) => {
    const x = input(k);
    const { scores, grad } = model.gradient(x, () => oneHotRows([index[k].top], 1000));
    const map = channelMaxAbs(grad);
    const actual = (await map.data()) as Float32Array;
    tf.dispose([x, scores, grad, map]);
    const expected = reference(k, 'saliency_top.npy');
    expect(pearson(actual, expected)).toBeGreaterThan(0.999);
    const total = (a: Float32Array) => a.reduce((s, v) => s + v, 0);
    // Magnitude too. Measured: sets 2–5 agree to 1e-6 of the maximum (r = 1 − 1e-12); on sets 0 and 1
    // some pixels differ by up to 1.1 % and 2.8 % of the maximum (r = 0.9999992 and 0.99994, totals within
    // 3e-6 and 3e-4), the mark of near-tied 2×2 max-pool windows that float rounding resolves the other way.
    const peak = Math.max(...expected);
    expect(Math.abs(total(actual) - total(expected)) / total(expected)).toBeLessThan(1e-3);
    expect(maxAbsDifference(actual, expected)).toBeLessThan(0.05 * peak);
  });

  it('gives wrong scores if classifier.0 is not permuted to the NHWC flatten order', async () => {
    const naive = await build(false);
    const x = input(0);
    const scores = naive.scores(x);
    const actual = (await scores.data()) as Float32Array;
    tf.dispose([x, scores]);
    naive.dispose();
    expect(maxAbsDifference(actual, reference(0, 'output_0.npy'))).toBeGreaterThan(0.1);
  });
});

import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { conv } from '../../models/layers/conv.ts';
import { fire } from '../../models/layers/fire.ts';
import { globalAveragePool } from '../../models/layers/global-average-pool.ts';
import { maxPool } from '../../models/layers/max-pool.ts';
import { sequentialClassifier } from '../../models/sequential.ts';
import { UNIT_PREPROCESSING } from '../helpers/analytic-model.ts';

beforeAll(useWasmBackend);

/** Every layer kind, with a ceil-mode pool that pads; `rowByRowElements` decides where rows go one by one. */
function tinyNet(rowByRowElements: number) {
  let seed = 21;
  const normal = (shape: number[]) => tf.mul(tf.randomNormal(shape, 0, 1, 'float32', seed++), 0.5);
  const weights: Record<string, tf.Tensor> = {
    'conv1.weight': normal([3, 3, 3, 4]),
    'conv1.bias': tf.fill([4], 0.3),
    'fire2.squeeze.weight': normal([1, 1, 4, 2]),
    'fire2.squeeze.bias': tf.fill([2], 0.2),
    'fire2.expand1x1.weight': normal([1, 1, 2, 3]),
    'fire2.expand1x1.bias': tf.fill([3], 0.1),
    'fire2.expand3x3.weight': normal([3, 3, 2, 3]),
    'fire2.expand3x3.bias': tf.fill([3], 0.1),
    'conv10.weight': normal([1, 1, 6, 5]),
    'conv10.bias': tf.fill([5], 0.5),
  };
  const info = { id: 'tiny', name: 'tiny', inputSize: 13, preprocessing: UNIT_PREPROCESSING, classNames: ['a', 'b', 'c', 'd', 'e'] };
  const layers = [conv('conv1', { stride: 2 }), maxPool('pool1'), fire('fire2'), conv('conv10'), globalAveragePool('scores')];
  return sequentialClassifier(info, layers, weights, { rowByRowElements });
}

describe('M maps from one forward pass', () => {
  // 0: every layer row by row; 200: from the pool down (its input gradient is 3 × 6×6×4 = 432 elements).
  it.each([0, 200])('are the same row by row from a threshold of %i elements as all together', (threshold) => {
    const together = tinyNet(Infinity);
    const byRow = tinyNet(threshold);
    const x = tf.tidy(() => tf.sub(tf.mul(tf.randomUniform([1, 13, 13, 3], 0, 1, 'float32', 5), 2), 1)) as tf.Tensor4D;
    const cot = tf.tensor2d([[1, 0, 0, 0, 0], [0, 0, 2, 0, -1], [0.5, 0.5, 0, 0, 0]]);
    const a = together.gradient(x, () => tf.clone(cot));
    const before = tf.memory().numTensors;
    const b = byRow.gradient(x, () => tf.clone(cot));
    expect(tf.memory().numTensors).toBe(before + 2);
    expect(b.grad.shape).toEqual([3, 13, 13, 3]);
    const [ga, gb] = [a.grad.dataSync(), b.grad.dataSync()];
    for (let i = 0; i < ga.length; i++) expect(gb[i]).toBeCloseTo(ga[i], 5);
    tf.dispose([x, cot, a.scores, a.grad, b.scores, b.grad]);
    together.dispose();
    byRow.dispose();
  });
});

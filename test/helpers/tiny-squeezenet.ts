import * as tf from '@tensorflow/tfjs-core';
import type { Classifier } from '../../core/model.ts';
import { conv } from '../../models/layers/conv.ts';
import { fire } from '../../models/layers/fire.ts';
import { globalAveragePool } from '../../models/layers/global-average-pool.ts';
import type { Layer } from '../../models/layers/layer.ts';
import { maxPool } from '../../models/layers/max-pool.ts';
import { sequentialClassifier } from '../../models/sequential.ts';
import { UNIT_PREPROCESSING } from './analytic-model.ts';

/** Seeded normal kernels and constant biases, in the order they are asked for. */
function weightMaker(firstSeed: number) {
  let seed = firstSeed;
  const weights: Record<string, tf.Tensor> = {};
  const layer = (name: string, kernel: number[], bias: number) => {
    weights[`${name}.weight`] = tf.tidy(() => tf.mul(tf.randomNormal(kernel, 0, 1, 'float32', seed++), 0.5));
    weights[`${name}.bias`] = tf.fill([kernel[3]], bias);
  };
  const fireModule = (name: string, inChannels: number, squeeze: number, expand1x1: number, expand3x3: number) => {
    layer(`${name}.squeeze`, [1, 1, inChannels, squeeze], 0.2);
    layer(`${name}.expand1x1`, [1, 1, squeeze, expand1x1], 0.1);
    layer(`${name}.expand3x3`, [3, 3, squeeze, expand3x3], 0.1);
  };
  return { weights, layer, fireModule };
}

function tinyClassifier(name: string, inputSize: number, layers: Layer[], weights: Record<string, tf.Tensor>): Classifier {
  const info = { id: 'tiny', name, inputSize, preprocessing: UNIT_PREPROCESSING, classNames: ['a', 'b', 'c', 'd', 'e'] };
  return sequentialClassifier(info, layers, weights);
}

/**
 * A SqueezeNet in miniature: every layer kind, seeded weights, five classes. At 13 px the ceil-mode
 * pool really pads (6 → 3, not 2). Used for finite-difference checks and, in the browser, for long
 * loops on slow backends.
 */
export function tinySqueezeNet(inputSize = 13): Classifier {
  const { weights, layer, fireModule } = weightMaker(11);
  layer('conv1', [3, 3, 3, 4], 0.3);
  fireModule('fire2', 4, 2, 3, 3);
  layer('conv10', [1, 1, 6, 5], 0.5);
  const layers = [conv('conv1', { stride: 2 }), maxPool('pool1'), fire('fire2'), conv('conv10'), globalAveragePool('scores')];
  return tinyClassifier('tiny SqueezeNet', inputSize, layers, weights);
}

/**
 * SqueezeNet 1.0's layer kinds in miniature: a 7×7 stride-2 conv1, fires with equal and unequal expand
 * halves, two ceil-mode pools that pad (8 → 4 → 2 at 21 px), and a 1×1 conv10 padded by 1.
 */
export function tinySqueezeNet10(inputSize = 21): Classifier {
  const { weights, layer, fireModule } = weightMaker(31);
  layer('conv1', [7, 7, 3, 4], 0.3);
  fireModule('fire2', 4, 2, 3, 3);
  fireModule('fire3', 6, 2, 2, 4);
  fireModule('fire4', 6, 3, 4, 4);
  layer('conv10', [1, 1, 8, 5], 0.5);
  const layers = [
    conv('conv1', { stride: 2 }),
    maxPool('pool1'),
    fire('fire2'),
    fire('fire3'),
    maxPool('pool3'),
    fire('fire4'),
    conv('conv10', { pad: 1 }),
    globalAveragePool('scores'),
  ];
  return tinyClassifier('tiny SqueezeNet 1.0', inputSize, layers, weights);
}

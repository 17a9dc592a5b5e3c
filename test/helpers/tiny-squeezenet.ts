import * as tf from '@tensorflow/tfjs-core';
import type { Classifier } from '../../core/model.ts';
import { conv } from '../../models/layers/conv.ts';
import { fire } from '../../models/layers/fire.ts';
import { globalAveragePool } from '../../models/layers/global-average-pool.ts';
import { maxPool } from '../../models/layers/max-pool.ts';
import { sequentialClassifier } from '../../models/sequential.ts';

/**
 * A SqueezeNet in miniature: every layer kind, seeded weights, five classes. At 13 px the ceil-mode
 * pool really pads (6 → 3, not 2). Used for finite-difference checks and, in the browser, for long
 * loops on slow backends.
 */
export function tinySqueezeNet(inputSize = 13): Classifier {
  let seed = 11;
  const normal = (shape: number[], scale: number) => tf.tidy(() => tf.mul(tf.randomNormal(shape, 0, 1, 'float32', seed++), scale));
  const weights: Record<string, tf.Tensor> = {
    'conv1.weight': normal([3, 3, 3, 4], 0.5),
    'conv1.bias': tf.fill([4], 0.3),
    'fire2.squeeze.weight': normal([1, 1, 4, 2], 0.5),
    'fire2.squeeze.bias': tf.fill([2], 0.2),
    'fire2.expand1x1.weight': normal([1, 1, 2, 3], 0.5),
    'fire2.expand1x1.bias': tf.fill([3], 0.1),
    'fire2.expand3x3.weight': normal([3, 3, 2, 3], 0.5),
    'fire2.expand3x3.bias': tf.fill([3], 0.1),
    'conv10.weight': normal([1, 1, 6, 5], 0.5),
    'conv10.bias': tf.fill([5], 0.5),
  };
  const info = { id: 'tiny', name: 'tiny SqueezeNet', inputSize, mean: [0, 0, 0] as const, std: [1, 1, 1] as const, classNames: ['a', 'b', 'c', 'd', 'e'] };
  const layers = [conv('conv1', { stride: 2 }), maxPool('pool1'), fire('fire2'), conv('conv10'), globalAveragePool('scores')];
  return sequentialClassifier(info, layers, weights);
}

import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeModel } from '../../cli/node-model.ts';
import { fileWeightSource } from '../../cli/file-weight-source.ts';
import { fgsm } from '../../core/adversarial/fgsm.ts';
import { fool } from '../../core/adversarial/fool.ts';
import { normalizedStep } from '../../core/adversarial/normalized-step.ts';
import { classVisualization } from '../../core/classviz/class-visualization.ts';
import type { Classifier } from '../../core/model.ts';
import { predict } from '../../core/predict/predict.ts';
import { saliencyMaps } from '../../core/saliency/saliency-maps.ts';
import { loadModel } from '../../models/load-model.ts';
import { sampleImage } from '../helpers/real-model.ts';

let model: Classifier;
beforeAll(async () => {
  model = await loadNodeModel('squeezenet1_1');
});

/** Runs a public call twice (the first may warm caches) and checks the second leaves the tensor count as it was. */
async function expectNoLeak(call: () => Promise<unknown>) {
  await call();
  const before = tf.memory().numTensors;
  await call();
  expect(tf.memory().numTensors).toBe(before);
}

describe('every public call leaves the tensor count unchanged', () => {
  const image = () => sampleImage('00_hay');

  it('predict', () => expectNoLeak(() => predict(model, image())));
  it('saliency: vanilla top-1 and top-3', () => expectNoLeak(() => Promise.all([saliencyMaps(model, image()), saliencyMaps(model, image(), { topK: 3 })])));
  it('saliency: SmoothGrad', () => expectNoLeak(() => saliencyMaps(model, image(), { method: 'smoothgrad', samples: 2 })));
  it('saliency: Integrated Gradients', () => expectNoLeak(() => saliencyMaps(model, image(), { method: 'integrated-gradients', steps: 2 })));
  it('FGSM untargeted and targeted', () => expectNoLeak(() => Promise.all([fgsm(model, image()), fgsm(model, image(), { target: 6 })])));
  it('one normalized step', () => expectNoLeak(() => normalizedStep(model, image(), { target: 6 })));
  it('fool for three steps from a black image', () => expectNoLeak(() => fool(model, null, { target: 6, maxSteps: 3 })));
  it('class visualization for three iterations', () => expectNoLeak(() => classVisualization(model, { class: 76, iterations: 3, frameEvery: 1 })));
  it('a failing call (unknown class) leaks nothing either', () =>
    expectNoLeak(() => saliencyMaps(model, image(), { class: 'no such class' }).catch(() => undefined)));
  it('loading and disposing a model', async () => {
    const before = tf.memory().numTensors;
    const second = await loadModel('squeezenet1_1', fileWeightSource());
    second.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

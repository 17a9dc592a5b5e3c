/**
 * Every method on a network whose class scores can be negative (VGG16's last Linear, unlike SqueezeNet's
 * ReLU-then-average): the fixtures' mini VGG16, imported as a user's checkpoint would be.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileWeightSource } from '../../cli/file-weight-source.ts';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { fgsm } from '../../core/adversarial/fgsm.ts';
import { fool } from '../../core/adversarial/fool.ts';
import { classVisualization } from '../../core/classviz/class-visualization.ts';
import type { Classifier } from '../../core/model.ts';
import { predict } from '../../core/predict/predict.ts';
import { saliencyMaps } from '../../core/saliency/saliency-maps.ts';
import { loadModel } from '../../models/load-model.ts';
import { importCheckpoint } from '../../models/prepare/import-checkpoint.ts';
import { sampleImage } from '../helpers/real-model.ts';
import { sharedDir } from '../helpers/shared-path.ts';

let dir: string;
let model: Classifier;
beforeAll(async () => {
  await useWasmBackend();
  dir = await mkdtemp(path.join(os.tmpdir(), 'gradlens-vgg-methods-'));
  await importCheckpoint({ architecture: 'vgg16', weights: sharedDir('models/vgg16', 'vgg16-mini-zip.pth'), id: 'mini' }, dir, () => {});
  model = await loadModel('mini', fileWeightSource(dir), { verify: true });
}, 120_000);
afterAll(async () => {
  model?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('the mini VGG16 (scores that can be negative)', () => {
  it('has negative scores, and a targeted attack on a class with a negative score still reaches it', async () => {
    const image = sampleImage('00_hay');
    const before = tf.memory().numTensors;
    const predictions = await predict(model, image, 1000);
    // The most probable class whose score is below zero (measured: rank 505, score −0.003; 79 steps).
    const target = predictions.find((p) => p.score < 0)!;
    expect(predictions.at(-1)!.score).toBeLessThan(-1);
    const report = await fool(model, image, { target: target.index, maxSteps: 200 });
    expect(report.success).toBe(true);
    expect(report.after[0].index).toBe(target.index);
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('FGSM, SmoothGrad, Integrated Gradients and class visualization give finite results without leaking tensors', async () => {
    const image = sampleImage('04_brown_bear');
    const before = tf.memory().numTensors;
    const attack = await fgsm(model, image, { epsilon: 2 });
    expect(Number.isFinite(attack.linf)).toBe(true);
    for (const method of ['smoothgrad', 'integrated-gradients'] as const) {
      const { maps } = await saliencyMaps(model, image, { method, samples: 4, steps: 4 });
      expect(maps[0].data.every(Number.isFinite)).toBe(true);
      expect(Math.max(...maps[0].data)).toBeGreaterThan(0);
    }
    const viz = await classVisualization(model, { class: 76, iterations: 5 });
    expect(viz.image.width).toBe(224);
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});

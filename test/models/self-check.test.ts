import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { DEFAULT_MODELS_DIR, fileWeightSource } from '../../cli/file-weight-source.ts';
import { loadModel } from '../../models/load-model.ts';
import type { WeightManifest } from '../../models/manifest.ts';
import { checkInput, verifyModel, type ModelCheck } from '../../models/self-check.ts';
import type { Classifier } from '../../core/model.ts';

let model: Classifier;
let manifest: WeightManifest;

beforeAll(async () => {
  await useWasmBackend();
  model = await loadModel('squeezenet1_1', fileWeightSource());
  manifest = JSON.parse(readFileSync(`${DEFAULT_MODELS_DIR}/squeezenet1_1/manifest.json`, 'utf8')) as WeightManifest;
});

/** The manifest's check with one number changed. */
const altered = (change: (check: ModelCheck) => void): ModelCheck => {
  const check = structuredClone(manifest.variants.float32.check);
  change(check);
  return check;
};

describe('the built-in check', () => {
  it('is recorded at preparation: five classes, their scores in descending order, the gradient L1', () => {
    const { classes, scores, gradientL1 } = manifest.variants.float32.check;
    expect(classes).toHaveLength(5);
    expect(new Set(classes).size).toBe(5);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBeGreaterThan(0);
    expect(gradientL1).toBeGreaterThan(0);
  });

  it('uses a fixed image at model resolution inside the normalized range', () => {
    const x = checkInput(model.info);
    expect(x.shape).toEqual([1, 224, 224, 3]);
    const [min, max] = [tf.min(x).dataSync()[0], tf.max(x).dataSync()[0]];
    expect(min).toBeGreaterThan(-2.2);
    expect(max).toBeLessThan(2.7);
    x.dispose();
  });

  it('passes on the WASM backend: its numbers equal the CPU backend’s reference (no tensor left behind)', async () => {
    const before = tf.memory().numTensors;
    expect(await verifyModel(model, manifest.variants.float32.check)).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fails with how far off a score is, beyond 1e-3 + 1e-4·|score|', async () => {
    const slightly = altered((c) => (c.scores[2] += 5e-4));
    expect(await verifyModel(model, slightly)).toBeNull();
    const off = altered((c) => (c.scores[2] += 0.05));
    expect(await verifyModel(model, off)).toMatch(/^the warm-up scores differ from the built-in check by 0\.05/);
  });

  it('fails when the backward pass is off by more than 0.1 %', async () => {
    expect(await verifyModel(model, altered((c) => (c.gradientL1 *= 1.01)))).toMatch(/warm-up gradient differs from the built-in check by 0\.99 %/);
  });

  it('makes loadModel refuse the backend with model/check-failed, and free what it built', async () => {
    const bad = { ...manifest, variants: { ...manifest.variants, float32: { ...manifest.variants.float32, check: altered((c) => (c.scores[0] = Number.NaN)) } } };
    const files = fileWeightSource();
    const source = async (path: string) => (path.endsWith('manifest.json') ? new Response(JSON.stringify(bad)) : files(path));
    const before = tf.memory().numTensors;
    await expect(loadModel('squeezenet1_1', source, { verify: true })).rejects.toMatchObject({ code: 'model/check-failed' });
    expect(tf.memory().numTensors).toBe(before);
    const good = await loadModel('squeezenet1_1', files, { verify: true });
    good.dispose();
  });
});

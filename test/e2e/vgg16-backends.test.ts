/**
 * A VGG16 in the browser on every backend: the fixtures' mini VGG16 (torchvision's key names, widths ÷ 8)
 * imported as a user's checkpoint into the served models folder, then built by the site's engine worker
 * on WebAssembly, WebGL and WebGPU (software adapters). Its dense layers, flatten and negative scores
 * run there for real; every backend must give Node's WASM numbers, which equal PyTorch's
 * (test/models/import-checkpoint.test.ts).
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileWeightSource } from '../../cli/file-weight-source.ts';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import type { Prediction } from '../../core/types.ts';
import { predict } from '../../core/predict/predict.ts';
import { saliencyMaps, type SaliencyResult } from '../../core/saliency/saliency-maps.ts';
import { loadModel } from '../../models/load-model.ts';
import { importCheckpoint } from '../../models/prepare/import-checkpoint.ts';
import type { BackendName } from '../../web/src/worker/backends.ts';
import type { EngineInfo } from '../../web/src/worker/protocol.ts';
import { maxAbsDifference, pearson, sampleImage } from '../helpers/real-model.ts';
import { sharedDir } from '../helpers/shared-path.ts';
import { launchChromium } from './browser.ts';
import { openHarness, plainImage, runJob, startHarness } from './harness.ts';

const ID = 'vgg16-mini';
const BACKENDS: BackendName[] = ['wasm', 'webgl', 'webgpu'];
const image = sampleImage('04_brown_bear');

let browser: Browser;
let harness: Awaited<ReturnType<typeof startHarness>>;
let expected: { scores: Float32Array; saliency: SaliencyResult };

const scoresOf = (predictions: Prediction[]) => {
  const scores = new Float32Array(1000);
  for (const p of predictions) scores[p.index] = p.score;
  return scores;
};
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

beforeAll(async () => {
  let modelsDir = '';
  harness = await startHarness(async (outDir) => {
    modelsDir = join(outDir, 'models');
    await importCheckpoint({ architecture: 'vgg16', weights: sharedDir('models/vgg16', 'vgg16-mini-zip.pth'), id: ID, name: 'VGG16 mini' }, modelsDir, () => {});
  });
  await useWasmBackend();
  const tensors = tf.memory().numTensors;
  const model = await loadModel(ID, fileWeightSource(modelsDir));
  expected = { scores: scoresOf(await predict(model, image, 1000)), saliency: await saliencyMaps(model, image) };
  model.dispose();
  expect(tf.memory().numTensors).toBe(tensors);
  browser = await launchChromium({ gpu: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe.each(BACKENDS)('the mini VGG16 on %s', (backend) => {
  let page: Page;
  let info: EngineInfo;

  beforeAll(async () => {
    page = await browser.newPage();
    await openHarness(page, harness.url);
    info = (await runJob<EngineInfo>(page, 'init', { modelId: ID, backend })).output;
  }, 300_000);

  afterAll(() => page?.close());

  it('builds and passes its built-in check there, without falling back', () => {
    expect(info).toMatchObject({ backend, modelId: ID, modelName: 'VGG16 mini', inputSize: 224 });
    expect(info.skipped.map((s) => s.name)).not.toContain(backend);
  });

  it('gives Node’s 1000 scores (some negative) within 1e-3 and its saliency map at r ≥ 0.999, and leaks no tensor', async () => {
    const count = async () => (await runJob<{ numTensors: number }>(page, 'memory', {})).output.numTensors;
    const before = await count();
    const { output: predictions } = await runJob<Prediction[]>(page, 'predict', { image: plainImage(image), topK: 1000 });
    const scores = scoresOf(predictions);
    expect(Math.min(...scores)).toBeLessThan(0);
    expect(maxAbsDifference(scores, expected.scores)).toBeLessThan(1e-3);
    const { output: saliency } = await runJob<SaliencyResult>(page, 'saliency', { image: plainImage(image), options: {} });
    expect(saliency.maps[0].class.index).toBe(expected.saliency.maps[0].class.index);
    expect(pearson(saliency.maps[0].data, expected.saliency.maps[0].data)).toBeGreaterThanOrEqual(0.999);
    expect(sum(saliency.maps[0].data) / sum(expected.saliency.maps[0].data)).toBeCloseTo(1, 2);
    expect(await count()).toBe(before);
  }, 300_000);
});

describe('the float16 variant in the browser', () => {
  it.each(BACKENDS)('on %s: loads (half the download), passes its own built-in check and keeps the top class', async (backend) => {
    const page = await browser.newPage();
    try {
      await openHarness(page, harness.url);
      const { output: info, progress } = await runJob<EngineInfo>(page, 'init', { modelId: ID, backend, dtype: 'float16' });
      expect(info).toMatchObject({ backend, modelId: ID, dtype: 'float16' });
      const totals = progress.map((p) => p.totalBytes).filter((n): n is number => typeof n === 'number' && n > 0);
      expect(totals.at(-1)).toBe(2 * 777_616);
      const { output: predictions } = await runJob<Prediction[]>(page, 'predict', { image: plainImage(image), topK: 1 });
      expect(predictions[0].index).toBe(expected.saliency.predictions[0].index);
    } finally {
      await page.close();
    }
  }, 300_000);
});

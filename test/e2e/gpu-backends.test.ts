/**
 * Every backend the site can run on — WebGPU, WebGL, WebAssembly and plain CPU — in real headless
 * Chromium, WebGPU and WebGL on software adapters (SwiftShader). On each, the site's engine worker
 * loads the real model and must give PyTorch's numbers on two reference images, and every method
 * (all saliency methods, FGSM, the iterative attack, class visualization) must run and agree with
 * WebAssembly. Software GPUs take seconds a pass, so counts are small; nothing here times anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AttackReport, ClassVizResult, SaliencyResult } from '../../web/src/worker/protocol.ts';
import type { EngineInfo } from '../../web/src/worker/protocol.ts';
import type { BackendName } from '../../web/src/worker/backends.ts';
import { maxAbsDifference, pearson, referenceArray, referenceCases, sampleImage, type ReferenceCase } from '../helpers/real-model.ts';
import { launchChromium } from './browser.ts';
import { openHarness, plainImage, runJob, startHarness } from './harness.ts';

const IMAGES = ['00_hay', '04_brown_bear'];
const BACKENDS: BackendName[] = ['wasm', 'webgl', 'webgpu', 'cpu'];

/** Class visualization after 5 steps, against WebAssembly's 8-bit image: float differences may flip a rounding. */
const CLASSVIZ_TOLERANCE = { maxLevels: 2, shareOff: 0.01 };

/** The methods beyond the reference sets, with small counts; WebAssembly's results are the baseline. */
const METHOD_JOBS = {
  smoothgrad: { type: 'saliency', image: '00_hay', input: { options: { method: 'smoothgrad', samples: 2, seed: 0 } } },
  integratedGradients: { type: 'saliency', image: '00_hay', input: { options: { method: 'integrated-gradients', steps: 2 } } },
  topK: { type: 'saliency', image: '04_brown_bear', input: { options: { topK: 2 } } },
  fool: { type: 'fool', image: '04_brown_bear', input: { target: 6, maxSteps: 2 } },
  classviz: { type: 'classviz', image: null, input: { class: 76, iterations: 5, seed: 1 } },
} as const;
type MethodName = keyof typeof METHOD_JOBS;

let browser: Browser;
let harness: Awaited<ReturnType<typeof startHarness>>;
const cases = new Map<string, ReferenceCase>(referenceCases().map((c) => [c.name, c]));
const images = Object.fromEntries(IMAGES.map((name) => [name, plainImage(sampleImage(name))]));
const baseline = new Map<MethodName, unknown>();

/** The page, the engine's info, and every warning or error the page and its worker printed. */
async function engineOn(backend: BackendName): Promise<{ page: Page; info: EngineInfo; warnings: string[] }> {
  const page = await browser.newPage();
  const warnings: string[] = [];
  page.on('console', (m) => void ((m.type() === 'warning' || m.type() === 'error') && warnings.push(m.text())));
  await openHarness(page, harness.url);
  const { output } = await runJob<EngineInfo>(page, 'init', { modelId: 'squeezenet1_1', backend });
  return { page, info: output, warnings };
}

function runMethod(page: Page, name: MethodName) {
  const job = METHOD_JOBS[name];
  return runJob(page, job.type, { ...job.input, ...(job.image ? { image: images[job.image] } : {}) }).then((r) => r.output);
}

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

function expectSameMaps(actual: SaliencyResult, expected: SaliencyResult) {
  expect(actual.maps.map((m) => m.class.index)).toEqual(expected.maps.map((m) => m.class.index));
  actual.maps.forEach((map, i) => {
    expect(pearson(map.data, expected.maps[i].data)).toBeGreaterThanOrEqual(0.999);
    expect(sum(map.data) / sum(expected.maps[i].data)).toBeCloseTo(1, 2);
  });
}

beforeAll(async () => {
  harness = await startHarness();
  browser = await launchChromium({ gpu: true });
  // WebAssembly's results for the methods without a PyTorch reference: what every other backend must match.
  const { page } = await engineOn('wasm');
  for (const name of Object.keys(METHOD_JOBS) as MethodName[]) baseline.set(name, await runMethod(page, name));
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe.each(BACKENDS)('on %s', (backend) => {
  let page: Page;
  let info: EngineInfo;
  let warnings: string[];

  beforeAll(async () => {
    ({ page, info, warnings } = await engineOn(backend));
  });

  afterAll(async () => {
    await page?.close();
  });

  it('builds the model and passes the built-in check in its warm-up pass, without falling back', () => {
    expect(info.backend).toBe(backend);
    expect(info.skipped.map((s) => s.name)).not.toContain(backend);
  });

  it.each(IMAGES)('%s: all 1000 scores within 1e-3 of PyTorch, saliency r ≥ 0.999 and the same size, the same FGSM label', async (name) => {
    const reference = cases.get(name)!;
    const { output: predictions } = await runJob<{ index: number; score: number }[]>(page, 'predict', { image: images[name], topK: 1000 });
    const scores = new Float32Array(1000);
    for (const p of predictions) scores[p.index] = p.score;
    expect(maxAbsDifference(scores, referenceArray(name, 'logits'))).toBeLessThan(1e-3);

    const { output: saliency } = await runJob<SaliencyResult>(page, 'saliency', { image: images[name], options: {} });
    const expected = referenceArray(name, 'saliency_top');
    expect(saliency.maps[0].class.index).toBe(reference.top);
    expect(pearson(saliency.maps[0].data, expected)).toBeGreaterThanOrEqual(0.999);
    expect(sum(saliency.maps[0].data) / sum(expected)).toBeCloseTo(1, 2);

    const { output: report } = await runJob<AttackReport>(page, 'fgsm', { image: images[name], epsilon: 2 });
    expect(report.after[0].index).toBe(reference.fgsmEpsilon2Top);
  });

  it('SmoothGrad, Integrated Gradients and top-k maps agree with WebAssembly', async () => {
    for (const name of ['smoothgrad', 'integratedGradients', 'topK'] as const) {
      expectSameMaps((await runMethod(page, name)) as SaliencyResult, baseline.get(name) as SaliencyResult);
    }
  });

  it('the targeted iterative attack takes the same steps as on WebAssembly', async () => {
    const report = (await runMethod(page, 'fool')) as AttackReport;
    const expected = baseline.get('fool') as AttackReport;
    expect(report.steps).toBe(expected.steps);
    expect(report.success).toBe(expected.success);
    expect(report.l2 / expected.l2).toBeCloseTo(1, 3);
    expect(maxAbsDifference(report.adversarial.data, expected.adversarial.data)).toBeLessThanOrEqual(1);
  });

  it(`5 class-visualization steps from one seed give WebAssembly's image (within ${CLASSVIZ_TOLERANCE.maxLevels} levels, ≤ ${100 * CLASSVIZ_TOLERANCE.shareOff} % of values off)`, async () => {
    const result = (await runMethod(page, 'classviz')) as ClassVizResult;
    const expected = (baseline.get('classviz') as ClassVizResult).image.data;
    const data = result.image.data;
    let off = 0;
    for (let i = 0; i < data.length; i++) if (data[i] !== expected[i]) off++;
    expect(maxAbsDifference(data, expected)).toBeLessThanOrEqual(CLASSVIZ_TOLERANCE.maxLevels);
    expect(off / data.length).toBeLessThanOrEqual(CLASSVIZ_TOLERANCE.shareOff);
  });

  it('leaves no tensor behind: the live count is the same after every kind of job', async () => {
    const count = async () => (await runJob<{ numTensors: number }>(page, 'memory', {})).output.numTensors;
    const before = await count();
    await runJob(page, 'predict', { image: images['00_hay'], topK: 5 });
    await runMethod(page, 'topK');
    await runJob(page, 'fgsm', { image: images['00_hay'], epsilon: 2, target: 6 });
    await runJob(page, 'fool', { image: null, target: 6, maxSteps: 1 });
    await runJob(page, 'classviz', { class: 76, iterations: 2, seed: 2 });
    expect(await count()).toBe(before);
  });

  it('200 class-visualization iterations keep the tensor count constant (miniature SqueezeNet, every layer kind)', async () => {
    const loop = await page.evaluate((b) => (window as unknown as { harness: { tinyLoop(b: string, n: number): Promise<{ backend: string; before: number; during: number[]; after: number }> } }).harness.tinyLoop(b, 200), backend);
    expect(loop.backend).toBe(backend);
    expect(loop.during).toHaveLength(200);
    expect(new Set(loop.during).size).toBe(1);
    expect(loop.after).toBe(loop.before);
  });

  it('printed no TF.js warning through all of the above (WebGPU warns on the first synchronous GPU read)', () => {
    expect(warnings.filter((w) => /synchronously|TF\.js|tfjs|backend/i.test(w))).toEqual([]);
  });
});

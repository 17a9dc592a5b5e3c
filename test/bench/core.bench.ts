/**
 * Core benchmark (not a test): medians and peaks of the gradient core on the WASM SIMD backend in Node,
 * one column per model — SqueezeNet 1.1 (224×224), SqueezeNet 1.0 (227×227) and VGG16 (224×224, random
 * weights of the real shapes: the real checkpoint is not mirrored; its timings and memory are the same).
 * Each operation of each model runs in its own process, so its peak WASM heap (which never shrinks) is
 * its own.
 *
 *   npm run bench                 (env: BENCH_RUNS=15, BENCH_MODELS=squeezenet1_1,squeezenet1_0,vgg16)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { loadNodeModel } from '../../cli/node-model.ts';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { fgsm } from '../../core/adversarial/fgsm.ts';
import { ascend } from '../../core/classviz/ascend.ts';
import { classScore, l2Penalty } from '../../core/classviz/objectives.ts';
import { modelImage } from '../../core/image/model-image.ts';
import type { Classifier } from '../../core/model.ts';
import { predict } from '../../core/predict/predict.ts';
import { saliencyMaps } from '../../core/saliency/saliency-maps.ts';
import { imageToInput } from '../../core/tensor/image-tensor.ts';
import type { RgbImage } from '../../core/types.ts';
import { randomVgg16 } from '../helpers/random-vgg16.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const MODELS = (process.env.BENCH_MODELS ?? 'squeezenet1_1,squeezenet1_0,vgg16').split(',');
const MiB = 1024 * 1024;

/** The prepared weights where there are any; VGG16 from random weights of its real shapes. */
const LOADERS: Record<string, () => Promise<Classifier>> = {
  squeezenet1_1: () => loadNodeModel('squeezenet1_1'),
  squeezenet1_0: () => loadNodeModel('squeezenet1_0'),
  vgg16: async () => {
    await useWasmBackend();
    return randomVgg16().model;
  },
};

type Operation = (model: Classifier, image: RgbImage) => () => Promise<unknown>;

const OPERATIONS: Record<string, Operation> = {
  forward: (model, image) => () => predict(model, image),
  'saliency (vanilla, top-1)': (model, image) => () => saliencyMaps(model, image),
  'saliency (vanilla, top-5)': (model, image) => () => saliencyMaps(model, image, { topK: 5 }),
  fgsm: (model, image) => () => fgsm(model, image, { epsilon: 2 }),
  'class-visualization step': (model, image) => {
    const x = imageToInput(image, model.info);
    const objectives = [classScore(76), l2Penalty(1e-3)];
    return async () => tf.dispose((await ascend(model, x, objectives, [3, 5], 25, 'raw')).x);
  },
};

interface Measurement {
  median: number;
  min: number;
  max: number;
  heapAfterLoad: number;
  peakHeap: number;
}

function wasmHeapBytes(): number {
  // The Emscripten heap: grows on demand and never shrinks, so its size is the peak so far.
  return ((tf.backend() as BackendWasm).wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8.byteLength;
}

/** One operation of one model, in this process: a warm-up, then RUNS timed runs. */
async function measure(modelId: string, name: string) {
  const model = await LOADERS[modelId]();
  const heapAfterLoad = wasmHeapBytes();
  // The hay photo, fitted to the model's input by the one pipeline.
  const image = modelImage(new Uint8Array(readFileSync(sharedDir('data/imagenet_val_25/00_hay.png'))), model.info.inputSize).image;
  const run = OPERATIONS[name](model, image);
  await run(); // warm-up: kernels and the heap's first growth
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result: Measurement = { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], heapAfterLoad, peakHeap: wasmHeapBytes() };
  console.log(JSON.stringify(result));
}

/** Runs one measurement in a child process; a failure (a heap that cannot grow) is reported, not fatal. */
function measured(modelId: string, name: string): Measurement | string {
  const self = fileURLToPath(import.meta.url);
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, modelId, name], { cwd: path.resolve(path.dirname(self), '../..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out.trim().split('\n').pop()!) as Measurement;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim().split('\n').pop() ?? '';
    return `failed: ${stderr.slice(0, 40) || (error as Error).message.slice(0, 40)}`;
  }
}

function table(title: string, rows: [string, ...string[]][]) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`\n${title}`);
  for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   '));
}

function report() {
  const names = Object.keys(OPERATIONS);
  const results = new Map<string, Measurement | string>();
  for (const modelId of MODELS) {
    for (const name of names) {
      process.stderr.write(`  ${modelId}: ${name}…\n`);
      results.set(`${modelId} ${name}`, measured(modelId, name));
    }
  }
  const cell = (modelId: string, name: string, show: (m: Measurement) => string) => {
    const r = results.get(`${modelId} ${name}`)!;
    return typeof r === 'string' ? r : show(r);
  };
  console.log(`gradlens core benchmark — WASM SIMD backend, one thread, Node ${process.version}, hay at each model's input, ${RUNS} runs each`);
  table('median ms (min–max)', [
    ['operation', ...MODELS],
    ...names.map((name): [string, ...string[]] => [name, ...MODELS.map((id) => cell(id, name, (m) => `${m.median.toFixed(1)} (${m.min.toFixed(1)}–${m.max.toFixed(1)})`))]),
  ]);
  table('WASM heap MiB: after load → peak', [
    ['operation', ...MODELS],
    ...names.map((name): [string, ...string[]] => [name, ...MODELS.map((id) => cell(id, name, (m) => `${(m.heapAfterLoad / MiB).toFixed(0)} → ${(m.peakHeap / MiB).toFixed(0)}`))]),
  ]);
  const ratio = (id: string) => {
    const [forward, saliency] = ['forward', 'saliency (vanilla, top-1)'].map((name) => results.get(`${id} ${name}`));
    return typeof forward === 'object' && typeof saliency === 'object' ? `${(saliency.median / forward.median).toFixed(2)}×` : '–';
  };
  const peak = (id: string) => {
    const peaks = names.map((name) => results.get(`${id} ${name}`)).filter((r): r is Measurement => typeof r === 'object');
    return peaks.length ? `${(Math.max(...peaks.map((m) => m.peakHeap)) / MiB).toFixed(0)}` : '–';
  };
  table('summary', [
    ['', ...MODELS],
    ['saliency / forward (target ≤ 2.5×)', ...MODELS.map(ratio)],
    ['peak WASM heap MiB, any operation', ...MODELS.map(peak)],
  ]);
}

const [modelArg, operationArg] = process.argv.slice(2);
if (modelArg && operationArg) await measure(modelArg, operationArg);
else report();

/**
 * Core benchmark (not a test): medians and peaks of the gradient core on the WASM SIMD backend in Node,
 * 224×224, SqueezeNet 1.1. Each operation runs in its own process, so its peak WASM heap (which never
 * shrinks) is its own.
 *
 *   npm run bench                 (env: BENCH_RUNS=15)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { loadNodeModel } from '../../cli/node-model.ts';
import { fgsm } from '../../core/adversarial/fgsm.ts';
import { ascend } from '../../core/classviz/ascend.ts';
import { classScore, l2Penalty } from '../../core/classviz/objectives.ts';
import { decodeImage } from '../../core/image/decode-image.ts';
import type { Classifier } from '../../core/model.ts';
import { predict } from '../../core/predict/predict.ts';
import { saliencyMaps } from '../../core/saliency/saliency-maps.ts';
import { imageToInput } from '../../core/tensor/image-tensor.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const MiB = 1024 * 1024;
const OPERATIONS: Record<string, (model: Classifier) => () => Promise<unknown>> = {
  forward: (model) => () => predict(model, image()),
  'saliency (vanilla, top-1)': (model) => () => saliencyMaps(model, image()),
  'saliency (vanilla, top-5)': (model) => () => saliencyMaps(model, image(), { topK: 5 }),
  fgsm: (model) => () => fgsm(model, image(), { epsilon: 2 }),
  'class-visualization step': (model) => {
    const x = imageToInput(image(), model.info);
    const objectives = [classScore(76), l2Penalty(1e-3)];
    return async () => tf.dispose((await ascend(model, x, objectives, [3, 5], 25, 'raw')).x);
  },
};

let cachedImage: ReturnType<typeof decodeImage> | null = null;
function image() {
  cachedImage ??= decodeImage(new Uint8Array(readFileSync(sharedDir('data/imagenet_val_25/00_hay.png'))));
  return cachedImage;
}

function wasmHeapBytes(): number {
  // The Emscripten heap: grows on demand and never shrinks, so its size is the peak so far.
  return ((tf.backend() as BackendWasm).wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8.byteLength;
}

async function measure(name: string) {
  const model = await loadNodeModel('squeezenet1_1');
  const heapAfterLoad = wasmHeapBytes();
  const run = OPERATIONS[name](model);
  await run(); // warm-up: kernels and the heap's first growth
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(JSON.stringify({ name, median, min: times[0], max: times[times.length - 1], heapAfterLoad, peakHeap: wasmHeapBytes(), tensors: tf.memory().numTensors }));
}

function report() {
  const self = fileURLToPath(import.meta.url);
  const rows = Object.keys(OPERATIONS).map((name) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, name], { cwd: path.resolve(path.dirname(self), '../..'), encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as { name: string; median: number; min: number; max: number; heapAfterLoad: number; peakHeap: number };
  });
  console.log(`gradlens core benchmark — WASM SIMD backend, Node ${process.version}, 224×224, ${RUNS} runs each (median, min–max)\n`);
  console.log('operation'.padEnd(28) + 'median ms'.padStart(11) + 'min–max ms'.padStart(16) + 'WASM heap MiB (after load → peak)'.padStart(36));
  for (const r of rows) {
    const range = `${r.min.toFixed(1)}–${r.max.toFixed(1)}`;
    console.log(r.name.padEnd(28) + r.median.toFixed(1).padStart(11) + range.padStart(16) + `${(r.heapAfterLoad / MiB).toFixed(1)} → ${(r.peakHeap / MiB).toFixed(1)}`.padStart(36));
  }
  const forward = rows.find((r) => r.name === 'forward')!.median;
  const saliency = rows.find((r) => r.name.startsWith('saliency (vanilla, top-1)'))!;
  console.log(`\nsaliency / forward = ${(saliency.median / forward).toFixed(2)}× (target ≤ 2.5×); saliency peak WASM heap ${(saliency.peakHeap / MiB).toFixed(1)} MiB (target ≤ 64 MiB)`);
}

const only = process.argv[2];
if (only) await measure(only);
else report();

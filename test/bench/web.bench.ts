/**
 * `npm run bench:web`: the site's engine worker in headless Chromium, per backend, side by side in one
 * run: the first call (engine start with its warm-up pass: shader compilation on GPU backends), the
 * median saliency map (vanilla, top-1) and the median class-visualization iteration. WebAssembly runs
 * with 1 thread and with `--threads N` (default 2; the page is served cross-origin isolated). Without a
 * GPU, WebGPU and WebGL run on software adapters (seconds a pass); GRADLENS_CHROMIUM_HARDWARE_GPU=1 uses a
 * real one.
 *
 *   npm run bench:web -- [--backends wasm,webgl,webgpu,cpu] [--runs N] [--iterations N] [--threads N] [--json]
 */
import { readFileSync } from 'node:fs';
import { decodeImage } from '../../core/image/decode-image.ts';
import { launchChromium } from '../e2e/browser.ts';
import { openHarness, plainImage, runJob, startHarness, type HarnessRun } from '../e2e/harness.ts';
import type { EngineInfo } from '../../web/src/worker/protocol.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const backends = option('--backends', 'wasm,webgl,webgpu').split(',');
const runs = Number(option('--runs', '5'));
const iterations = Number(option('--iterations', '10'));
const threads = Number(option('--threads', '2'));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface Row {
  backend: string;
  threads: number;
  detail: string;
  firstCallMs: number;
  saliencyMs: number;
  classVizIterationMs: number;
}

async function main() {
  const image = plainImage(decodeImage(new Uint8Array(readFileSync(sharedDir('data/imagenet_val_25', '00_hay.png')))));
  const harness = await startHarness();
  const browser = await launchChromium({ gpu: true });
  const cases: { backend: string; threads?: number }[] = backends.flatMap((b) => (b === 'wasm' ? [{ backend: b, threads: 1 }, { backend: b, threads }] : [{ backend: b }]));
  const rows: Row[] = [];
  try {
    for (const { backend, threads: count } of cases) {
      const page = await browser.newPage();
      await openHarness(page, harness.url);
      const start = Date.now();
      const { output: info } = await runJob<EngineInfo>(page, 'init', { modelId: 'squeezenet1_1', backend, ...(count ? { threads: count } : {}) });
      if (info.backend !== backend) {
        console.error(`${backend}: not available here (${info.skipped.find((s) => s.name === backend)?.reason ?? 'skipped'})`);
        await page.close();
        continue;
      }
      await runJob(page, 'saliency', { image, options: {} });
      const firstCallMs = Date.now() - start;
      const saliency: number[] = [];
      for (let i = 0; i < runs; i++) saliency.push((await runJob(page, 'saliency', { image, options: {} })).ms);
      const viz: HarnessRun = await runJob(page, 'classviz', { target: 76, iterations: iterations + 1, seed: 1, frameEvery: 0 });
      const at = viz.progress.map((p) => Number(p.at));
      const perIteration = at.slice(1).map((t, i) => t - at[i]);
      const detail = info.probes.find((p) => p.name === backend)?.detail ?? '';
      rows.push({ backend, threads: info.threads, detail, firstCallMs: Math.round(firstCallMs), saliencyMs: Math.round(median(saliency)), classVizIterationMs: Math.round(median(perIteration)) });
      await page.close();
    }
  } finally {
    await browser.close();
    await harness.close();
  }
  console.log('backend  threads  first call (start + warm-up + 1st map)  saliency median  class-viz iteration median  adapter');
  for (const r of rows) {
    console.log(`${r.backend.padEnd(8)} ${String(r.threads).padStart(7)}  ${`${r.firstCallMs} ms`.padStart(38)}  ${`${r.saliencyMs} ms`.padStart(15)}  ${`${r.classVizIterationMs} ms`.padStart(26)}  ${r.detail}`);
  }
  const wasm1 = rows.find((r) => r.backend === 'wasm' && r.threads === 1);
  const wasmN = rows.find((r) => r.backend === 'wasm' && r.threads > 1);
  if (wasm1 && wasmN) {
    console.log(`wasm ${wasmN.threads} threads / 1 thread: saliency ${(wasmN.saliencyMs / wasm1.saliencyMs).toFixed(2)}×, class-viz iteration ${(wasmN.classVizIterationMs / wasm1.classVizIterationMs).toFixed(2)}×`);
  }
  if (args.includes('--json')) console.log(JSON.stringify(rows));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

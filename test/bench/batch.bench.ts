/**
 * Batch benchmark (not a test): `gradlens batch saliency` over the 25 sample images, run as a user runs
 * it — locally with 1 and 2 worker threads, then through the local Worker (`wrangler dev`, rate limit
 * off, fresh state, so every request is computed). Prints images per second: the batch's own figure
 * (from its start-up, worker threads and model loads included, to its last image) and the whole
 * process's.
 *
 *   npm run bench:batch           (env: BENCH_COMMAND=saliency|predict|fgsm, BENCH_PORT=8798, GRADLENS_SHARED=../shared)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '../../functions/scripts/dev-server.mjs';
import { sharedDir } from '../helpers/shared-path.ts';

const COMMAND = process.env.BENCH_COMMAND ?? 'saliency';
const PORT = Number(process.env.BENCH_PORT ?? 8798);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const images = sharedDir('data/imagenet_val_25');
const count = readdirSync(images).filter((f) => f.endsWith('.png')).length;

interface BatchResult {
  ok: number;
  failed: number;
  imagesPerSecond: number;
  jobs: number;
}

/** One `gradlens batch` process into a fresh folder: its --json result and its wall time. */
function batch(scratch: string, ...flags: string[]): Promise<{ result: BatchResult; wallS: number }> {
  const out = mkdtempSync(path.join(scratch, 'out-'));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(repo, 'bin/gradlens.js'), 'batch', COMMAND, images, '--out', out, '--json', ...flags], (error, stdout, stderr) => {
      if (error) return reject(new Error(`gradlens batch ${flags.join(' ')} failed: ${stderr}`));
      resolve({ result: JSON.parse(stdout) as BatchResult, wallS: (performance.now() - started) / 1000 });
    });
  });
}

const row = (label: string, { result, wallS }: { result: BatchResult; wallS: number }) =>
  `${label.padEnd(26)} ${result.imagesPerSecond.toFixed(2).padStart(6)} images/s   (whole process ${(result.ok / wallS).toFixed(2)} images/s, ${wallS.toFixed(1)} s; ${result.ok} ok, ${result.failed} failed)`;

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'gradlens-bench-batch-'));
  try {
    console.log(`gradlens batch benchmark — ${COMMAND} over ${count} images (${images})`);
    console.log(row('local --jobs 1', await batch(scratch, '--jobs', '1')));
    console.log(row('local --jobs 2', await batch(scratch, '--jobs', '2')));
    const state = mkdtempSync(path.join(scratch, 'state-'));
    const server = await startDevServer({ port: PORT, persistTo: state, vars: { RATE_LIMIT: 'off' }, quiet: true });
    try {
      await fetch(`${server.url}/api/v1/health`); // the Worker's backend start and model load are not the batch's
      const api = await batch(scratch, '--api', server.url);
      console.log(row(`--api (local Worker, --jobs ${api.result.jobs})`, api));
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();

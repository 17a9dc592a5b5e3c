/**
 * Edge benchmark (not a test): starts the Worker with `wrangler dev` on a scratch state folder and drives
 * it over HTTP. Prints cold start, p50/p95 latency of predict, saliency and FGSM (sequential and with
 * 4 concurrent clients) and the peak WASM heap. Target: saliency p50 ≤ 2.5 × predict p50.
 *
 *   npm run bench:edge            (env: BENCH_PORT=8799, BENCH_REQUESTS=20, GRADLENS_SHARED=../shared)
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDevServer } from '../../functions/scripts/dev-server.mjs';
import { sharedDir } from '../helpers/shared-path.ts';

const PORT = Number(process.env.BENCH_PORT ?? 8799);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const CLIENTS = 4;
const MiB = 1024 * 1024;
const dataDir = sharedDir('data/imagenet_val_25');
const images = readdirSync(dataDir)
  .filter((f) => f.endsWith('.png'))
  .sort()
  .map((f) => new Uint8Array(readFileSync(path.join(dataDir, f))));

const ROUTES = {
  predict: '/api/v1/predict',
  saliency: '/api/v1/saliency',
  fgsm: '/api/v1/adversarial?attack=fgsm&epsilon=2',
} as const;
type RouteName = keyof typeof ROUTES;

let peakHeapHeader = 0;

async function timedPost(url: string, image: Uint8Array): Promise<number> {
  const started = performance.now();
  // no-cache: every request is computed, not answered from the result cache.
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-cache' }, body: new Blob([image as BlobPart]) });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 201) throw new Error(`${url}: HTTP ${response.status}`);
  // X-Cache is sent because the server runs with DEBUG_HEADERS=on: a reused computation would time nothing.
  if (response.headers.get('X-Cache') !== 'MISS') throw new Error(`${url}: X-Cache ${response.headers.get('X-Cache')}, expected MISS`);
  peakHeapHeader = Math.max(peakHeapHeader, Number(response.headers.get('X-Wasm-Heap-Bytes') ?? 0));
  return ms;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function sequential(base: string, route: RouteName): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push(await timedPost(base + ROUTES[route], images[i % images.length]));
  return times;
}

async function concurrent(base: string, route: RouteName): Promise<number[]> {
  const perClient = Math.ceil(REQUESTS / CLIENTS);
  const clients = Array.from({ length: CLIENTS }, async (_, c) => {
    const times: number[] = [];
    for (let i = 0; i < perClient; i++) times.push(await timedPost(base + ROUTES[route], images[(c * perClient + i) % images.length]));
    return times;
  });
  return (await Promise.all(clients)).flat();
}

const row = (label: string, t: number[]) =>
  `${label.padEnd(28)} p50 ${percentile(t, 50).toFixed(0).padStart(6)} ms   p95 ${percentile(t, 95).toFixed(0).padStart(6)} ms   (n=${t.length})`;

async function main(): Promise<void> {
  const state = mkdtempSync(path.join(tmpdir(), 'gradlens-bench-'));
  const server = await startDevServer({ port: PORT, persistTo: state, vars: { RATE_LIMIT: 'off', DEBUG_HEADERS: 'on' }, quiet: true });
  try {
    const coldMs = await timedPost(server.url + ROUTES.predict, images[0]);
    const results: Record<string, number[]> = {};
    for (const route of Object.keys(ROUTES) as RouteName[]) {
      await timedPost(server.url + ROUTES[route], images[1]); // warm the route
      results[`${route} sequential`] = await sequential(server.url, route);
      results[`${route} ${CLIENTS} clients`] = await concurrent(server.url, route);
    }
    const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { wasmHeapBytes: number; backend: string };

    console.log(`gradlens edge benchmark — wrangler dev (workerd), backend ${health.backend}, ${REQUESTS} requests a case`);
    console.log(`cold start (first request: backend start + model load + predict): ${coldMs.toFixed(0)} ms`);
    for (const [label, times] of Object.entries(results)) console.log(row(label, times));
    const ratio = percentile(results['saliency sequential'], 50) / percentile(results['predict sequential'], 50);
    console.log(`saliency p50 / predict p50 = ${ratio.toFixed(2)} (target ≤ 2.5: ${ratio <= 2.5 ? 'met' : 'NOT met'})`);
    console.log(`peak WASM heap: ${(Math.max(health.wasmHeapBytes, peakHeapHeader) / MiB).toFixed(1)} MiB (target ≤ 64 MiB)`);
  } finally {
    await server.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

await main();

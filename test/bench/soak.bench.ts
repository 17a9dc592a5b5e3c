/**
 * Soak benchmark (not a test): N clients for a bounded time against `wrangler dev` (the real workerd),
 * each mixing every route with images of its own (one pixel changed per request, so computations are
 * not cache hits) and a share of hostile requests. Prints requests, p50/p95/p99 per route, the 5xx count
 * (must be 0; the exit code says so), the 503s and whether each carried Retry-After, and the memory of
 * the workerd processes at start, at most and at the end. Hostile requests include decompression bombs
 * (1 MB PNGs with honest 224×224 and 2000×2000 headers whose image data inflates to 1 GiB).
 *
 *   npm run bench:soak -- --clients 4 --seconds 300      (env: BENCH_PORT=8798, GRADLENS_SHARED=../shared)
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeImage, encodePng } from '../../core/image/index.ts';
import type { RgbImage } from '../../core/types.ts';
import { startDevServer } from '../../functions/scripts/dev-server.mjs';
import { idatBombPng } from '../helpers/png-bombs.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const { values: flags } = parseArgs({ options: { clients: { type: 'string', default: '4' }, seconds: { type: 'string', default: '60' } } });
const CLIENTS = Number(flags.clients);
const SECONDS = Number(flags.seconds);
const PORT = Number(process.env.BENCH_PORT ?? 8798);
const MiB = 1024 * 1024;

const photos: RgbImage[] = readdirSync(sharedDir('data/imagenet_val_25'))
  .filter((f) => f.endsWith('.png'))
  .sort()
  .map((f) => decodeImage(new Uint8Array(readFileSync(path.join(sharedDir('data/imagenet_val_25'), f)))));

let serial = 0;
/** A photo with one pixel changed by a counter: every request sends bytes nobody sent before. */
function freshImage(): Uint8Array {
  const photo = photos[serial % photos.length];
  const data = Uint8Array.from(photo.data);
  const n = ++serial;
  data[(n * 7919) % data.length] ^= 1 + (n % 255);
  return encodePng({ ...photo, data });
}

/** Decompression bombs of about 1 MB that inflate to 1 GiB: made once, sent again and again. */
const BOMBS = [idatBombPng(224, 224), idatBombPng(2000, 2000)];

/** Hostile bodies, in turn: each must be a 4xx and must not disturb anyone else. */
function hostileBody(n: number): { kind: string; body: Uint8Array; contentType: string } {
  const png = encodePng(photos[n % photos.length]);
  if (n % 5 === 0) return { kind: 'truncated PNG', body: png.slice(0, png.length >> 1), contentType: 'image/png' };
  if (n % 5 === 1) return { kind: 'not an image', body: new TextEncoder().encode('GIF89a not really'), contentType: 'image/png' };
  if (n % 5 === 2) return { kind: 'bomb 224×224', body: BOMBS[0], contentType: 'image/png' };
  if (n % 5 === 3) return { kind: 'bomb 2000×2000', body: BOMBS[1], contentType: 'image/png' };
  return { kind: 'text/plain body', body: png, contentType: 'text/plain' };
}

interface Stored {
  id: string;
  deleteToken: string;
  files: string[];
}

interface Sample {
  route: string;
  ms: number;
  status: number;
  retryAfter: boolean;
}

const samples: Sample[] = [];

/** The response with its body read (timing includes it); `json` parses it again when needed. */
async function timed(route: string, url: string, init?: RequestInit): Promise<{ status: number; json: () => unknown }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  samples.push({ route, ms: performance.now() - started, status: response.status, retryAfter: response.headers.has('Retry-After') });
  return { status: response.status, json: () => JSON.parse(text) };
}

const postImage = (base: string, route: string, query: string, image: Uint8Array) =>
  timed(route, `${base}${query}`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: new Blob([image as BlobPart]) });

/** One client: a weighted round of every route, over and over until the deadline. */
async function client(base: string, index: number, deadline: number): Promise<void> {
  const mine: Stored[] = [];
  let hostile = index;
  const remember = (response: { status: number; json: () => unknown }) => {
    if (response.status !== 201) return;
    const doc = response.json() as Record<string, unknown>;
    const files = JSON.stringify(doc).match(/https?:\/\/[^"]+\/files\/[^"]+/g) ?? [];
    mine.push({ id: String(doc.id), deleteToken: String(doc.deleteToken), files });
  };
  for (let round = 0; Date.now() < deadline; round++) {
    const step = (round + index) % 20;
    const own = mine[round % Math.max(1, mine.length)];
    if (step < 5) remember(await postImage(base, 'POST predict', '/api/v1/predict', freshImage()));
    else if (step < 9) remember(await postImage(base, 'POST saliency', '/api/v1/saliency', freshImage()));
    else if (step === 9) remember(await postImage(base, 'POST saliency smoothgrad', '/api/v1/saliency?method=smoothgrad&samples=4', freshImage()));
    else if (step < 12) remember(await postImage(base, 'POST adversarial', '/api/v1/adversarial?attack=fgsm&epsilon=2', freshImage()));
    else if (step === 12 && own) await timed('GET result', `${base}/api/v1/results/${own.id}`);
    else if (step === 13 && own?.files.length) await timed('GET file', own.files[round % own.files.length]);
    else if (step === 14 && own) await timed('GET share page', `${base}/r/${own.id}`);
    else if (step === 15) await timed('GET models', `${base}/api/v1/models`);
    else if (step === 16) await timed('GET site', `${base}/`);
    else if (step === 17 && mine.length > 3) {
      const gone = mine.shift()!;
      await timed('DELETE result', `${base}/api/v1/results/${gone.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${gone.deleteToken}` } });
    } else {
      const { kind, body, contentType } = hostileBody(hostile++);
      await timed(`POST ${kind}`, `${base}/api/v1/predict`, { method: 'POST', headers: { 'Content-Type': contentType }, body: new Blob([body as BlobPart]) });
    }
  }
}

/** Resident memory of every workerd process under `rootPid`, from /proc. */
function workerdRssBytes(rootPid: number): number {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
      parents.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, name] of names) {
    if (!name.startsWith('workerd') || !under(pid)) continue;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(memory: { start: number; max: number; end: number; trace: number[] }): number {
  const routes = [...new Set(samples.map((s) => s.route))].sort();
  console.log(`\nsoak: ${CLIENTS} clients × ${SECONDS} s against wrangler dev (workerd), ${samples.length} requests`);
  console.log(`${'route'.padEnd(26)} ${'n'.padStart(5)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}  statuses`);
  for (const route of routes) {
    const mine = samples.filter((s) => s.route === route);
    const times = mine.map((s) => s.ms);
    const statuses = Object.entries(mine.reduce<Record<number, number>>((count, s) => ({ ...count, [s.status]: (count[s.status] ?? 0) + 1 }), {}))
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    const ms = (p: number) => `${percentile(times, p).toFixed(0)} ms`.padStart(7);
    console.log(`${route.padEnd(26)} ${String(mine.length).padStart(5)} ${ms(50)} ${ms(95)} ${ms(99)}  ${statuses}`);
  }
  const serverErrors = samples.filter((s) => s.status >= 500 && s.status !== 503).length;
  const busy = samples.filter((s) => s.status === 503);
  console.log(`5xx other than 503: ${serverErrors}`);
  console.log(`503: ${busy.length} (with Retry-After: ${busy.filter((s) => s.retryAfter).length})`);
  const mb = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
  console.log(`workerd memory (RSS): start ${mb(memory.start)}, max ${mb(memory.max)}, end ${mb(memory.end)}`);
  const quarters = [1, 2, 3].map((q) => memory.trace[Math.floor((q * memory.trace.length) / 4)] ?? 0);
  console.log(`workerd memory at 1/4, 1/2, 3/4 of the run: ${quarters.map(mb).join(', ')}`);
  return serverErrors === 0 && busy.every((s) => s.retryAfter) ? 0 : 1;
}

async function main(): Promise<number> {
  const state = mkdtempSync(path.join(tmpdir(), 'gradlens-soak-'));
  const server = await startDevServer({ port: PORT, persistTo: state, vars: { RATE_LIMIT: 'off' }, quiet: true });
  try {
    await fetch(`${server.url}/api/v1/predict`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: new Blob([freshImage() as BlobPart]) });
    const memory = { start: workerdRssBytes(server.child.pid!), max: 0, end: 0, trace: [] as number[] };
    memory.max = memory.start;
    const sampler = setInterval(() => {
      const rss = workerdRssBytes(server.child.pid!);
      memory.max = Math.max(memory.max, rss);
      memory.trace.push(rss);
    }, 1000);
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(server.url, i, deadline)));
    clearInterval(sampler);
    memory.end = workerdRssBytes(server.child.pid!);
    memory.max = Math.max(memory.max, memory.end);
    return report(memory);
  } finally {
    await server.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

process.exitCode = await main();

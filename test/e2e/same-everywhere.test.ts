/**
 * One request, one result, whatever the surface: the default saliency map (vanilla and SmoothGrad),
 * FGSM and 5 class-visualization steps of one non-square photo, through the CLI (Node), the API (the
 * local Worker) and the site (the site's own input code, defaults and URL-query parser, its engine
 * worker in Chromium), all on WebAssembly. Maps and images must be bit-identical, so the surfaces share
 * the vocabulary, the defaults, the input pipeline and the maths, not merely agree within a tolerance.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeImage, decodeNpy, encodePng, resizeImage } from '../../core/image/index.ts';
import type { EngineInfo } from '../../web/src/worker/protocol.ts';
import { sampleImage } from '../helpers/real-model.ts';
import { launchChromium } from './browser.ts';
import { openHarness, runJob, startHarness, type HarnessRun } from './harness.ts';

const baseUrl = inject('baseUrl');
const repo = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(path.join(tmpdir(), 'gradlens-same-'));
/** Non-square, so decoding, fitting and resizing are part of what must agree. */
const photo = path.join(work, 'hay-320x240.png');
const bytes = () => readFileSync(photo);

let harness: Awaited<ReturnType<typeof startHarness>>;
let browser: Browser;
let page: Page;

function cli(...args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(repo, 'bin/gradlens.js'), ...args, '--json'], { cwd: work, maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as Record<string, unknown>),
    );
  });
}

async function api(route: string, fields: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const query = new URLSearchParams(fields);
  // A fresh computation each time: the point is the computation, not the cache.
  const response = await fetch(`${baseUrl}/api/v1/${route}?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-cache' },
    body: bytes(),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Record<string, unknown>;
}

async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

function site<T>(kind: 'saliency' | 'fgsm' | 'classviz', search = ''): Promise<HarnessRun<T>> {
  return page.evaluate(
    ({ kind, file, search }) => (window as unknown as { harness: { site(k: string, f: number[], s: string): Promise<unknown> } }).harness.site(kind, file, search),
    { kind, file: Array.from(bytes()), search },
  ) as Promise<HarnessRun<T>>;
}

/** Elements that differ at all (0 = bit-identical); a count fails fast where a 50 000-element diff would not. */
function differing(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) n++;
  return n;
}

const npy = (file: string) => decodeNpy(new Uint8Array(readFileSync(path.join(work, file)))).data as Float32Array;
const pixels = (png: Uint8Array) => decodeImage(png).data;

type SiteMaps = { maps: { data: number[] }[]; predictions: { index: number; score: number }[] };

beforeAll(async () => {
  writeFileSync(photo, encodePng(resizeImage(sampleImage('00_hay'), 320, 240)));
  harness = await startHarness();
  browser = await launchChromium();
  page = await browser.newPage();
  await openHarness(page, harness.url);
  // One thread, as the CLI and the Worker run: the same kernels in the same order.
  const { output } = await runJob<EngineInfo>(page, 'init', { modelId: 'squeezenet1_1', backend: 'wasm', threads: 1 });
  expect(output.backend).toBe('wasm');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the same request gives the same result on the CLI, the API and the site', () => {
  it.each([
    ['vanilla', [], {}, ''],
    ['SmoothGrad', ['--method', 'smoothgrad'], { method: 'smoothgrad' }, '?method=smoothgrad'],
  ] as const)('the default %s map and the predictions', async (_, flags, fields, search) => {
    const fromCli = await cli('saliency', photo, ...flags, '--out', 'map.npy');
    const fromApi = (await api('saliency', fields)) as { maps: { rawUrl: string }[]; predictions: unknown[] };
    const fromSite = (await site<SiteMaps>('saliency', search)).output;

    const cliMap = npy('map.npy');
    const apiMap = decodeNpy(await download(fromApi.maps[0].rawUrl)).data as Float32Array;
    const siteMap = Float32Array.from(fromSite.maps[0].data);
    expect(fromSite.maps).toHaveLength(1);
    expect(cliMap.length).toBe(224 * 224);
    // A real map, not two empty ones that happen to agree.
    expect(Math.max(...cliMap)).toBeGreaterThan(0);
    expect(differing(apiMap, cliMap), 'API vs CLI').toBe(0);
    expect(differing(siteMap, cliMap), 'site vs CLI').toBe(0);
    expect(fromApi.predictions).toEqual(fromCli.predictions);
    expect(fromSite.predictions).toEqual(fromCli.predictions);
  });

  it('FGSM with the defaults (untargeted, ε = 2)', async () => {
    const fromCli = (await cli('fgsm', photo, '--out', 'fgsm.png')) as { after: unknown[] };
    const fromApi = (await api('adversarial')) as { adversarialUrl: string; report: { after: unknown[] } };
    const fromSite = (await site<{ adversarial: { data: number[] }; after: unknown[] }>('fgsm', '?attack=fgsm')).output;

    const cliImage = pixels(new Uint8Array(readFileSync(path.join(work, 'fgsm.png'))));
    expect(differing(pixels(await download(fromApi.adversarialUrl)), cliImage), 'API vs CLI').toBe(0);
    expect(differing(fromSite.adversarial.data, cliImage), 'site vs CLI').toBe(0);
    expect(fromApi.report.after).toEqual(fromCli.after);
    expect(fromSite.after).toEqual(fromCli.after);
  });

  it('5 class-visualization steps with the defaults (the API has none: CLI and site)', async () => {
    await cli('classviz', '--class', '76', '--iterations', '5', '--out', 'viz.png');
    const fromSite = (await site<{ image: { data: number[] }; steps: number }>('classviz', '?iterations=5')).output;
    expect(fromSite.steps).toBe(5);
    const cliImage = pixels(new Uint8Array(readFileSync(path.join(work, 'viz.png'))));
    expect(new Set(cliImage).size).toBeGreaterThan(100);
    expect(differing(fromSite.image.data, cliImage), 'site vs CLI').toBe(0);
  });
});

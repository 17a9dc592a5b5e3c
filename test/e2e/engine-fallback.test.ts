/**
 * The engine never ends dead: a backend that starts but fails its warm-up check is skipped with the
 * reason, and a GPU backend that loses its device hands over to the next one. Real Chromium, GPU
 * backends on software adapters, the site's engine worker through the harness page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { EngineInfo } from '../../web/src/worker/protocol.ts';
import { sampleImage } from '../helpers/real-model.ts';
import { launchChromium } from './browser.ts';
import { openHarness, plainImage, runJob, startHarness } from './harness.ts';

let browser: Browser;
let harness: Awaited<ReturnType<typeof startHarness>>;
const hay = plainImage(sampleImage('00_hay'));

beforeAll(async () => {
  harness = await startHarness();
  browser = await launchChromium({ gpu: true });
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

async function freshPage(): Promise<Page> {
  const page = await browser.newPage();
  await openHarness(page, harness.url);
  return page;
}

const init = (page: Page, input: Record<string, unknown>) => runJob<EngineInfo>(page, 'init', { modelId: 'squeezenet1_1', ...input }).then((r) => r.output);

describe('automatic fallback', () => {
  it('skips WebGL computing in half precision: it starts, fails the warm-up check, and the engine ends on WebAssembly with the reason', async () => {
    const page = await freshPage();
    // Forcing 16-bit textures is what a device without float32 render targets does.
    const info = await init(page, { backend: 'webgl', flags: { WEBGL_FORCE_F16_TEXTURES: true } });
    expect(info.backend).toBe('wasm');
    const webgl = info.skipped.find((s) => s.name === 'webgl');
    expect(webgl?.reason).toMatch(/half precision/);
    expect(webgl?.reason).toMatch(/built-in check/);
    // The engine it ended on works.
    const { output } = await runJob<{ index: number }[]>(page, 'predict', { image: hay, topK: 1 });
    expect(output[0].index).toBe(958);
    await page.close();
  });

  it('automatic choice on a GPU (software adapters taken as real ones) keeps WebGPU once its warm-up check passes', async () => {
    const page = await freshPage();
    const info = await init(page, { backend: 'auto', softwareAdapters: true });
    expect(info.backend).toBe('webgpu');
    expect(info.skipped).toEqual([]);
    const { output } = await runJob<{ index: number }[]>(page, 'predict', { image: hay, topK: 1 });
    expect(output[0].index).toBe(958);
    await page.close();
  });

  it('automatic choice moves past a GPU backend that fails its warm-up check, and says why', async () => {
    const page = await freshPage();
    // WebGPU lost earlier in this session; WebGL on a device without float32 render targets.
    const info = await init(page, { backend: 'auto', softwareAdapters: true, exclude: ['webgpu'], flags: { WEBGL_FORCE_F16_TEXTURES: true } });
    expect(info.backend).toBe('wasm');
    expect(info.skipped.map((s) => [s.name, s.reason])).toEqual([
      ['webgpu', 'stopped working earlier in this session'],
      ['webgl', expect.stringMatching(/half precision.*built-in check/)],
    ]);
    await page.close();
  });

  it('automatic choice leaves software adapters out and says why, reporting each phase as it starts', async () => {
    const page = await freshPage();
    const { output: info, progress } = await runJob<EngineInfo>(page, 'init', { modelId: 'squeezenet1_1', backend: 'auto' });
    const phases = progress.map((p) => `${String(p.phase)}${p.backend ? `:${String(p.backend)}` : ''}`).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['backend', 'backend:wasm', 'weights:wasm', 'warmup:wasm']);
    expect(info.backend).toBe('wasm');
    expect(info.skipped.map((s) => s.name)).toEqual(['webgpu', 'webgl']);
    for (const s of info.skipped) expect(s.reason).toMatch(/software adapter only/);
    await page.close();
  });
});

describe.each(['webgl', 'webgpu'] as const)('a lost %s device', (backend) => {
  it('is reported, ends the engine, and the restarted engine runs on the next backend', async () => {
    const page = await freshPage();
    expect((await init(page, { backend })).backend).toBe(backend);
    expect((await runJob<boolean>(page, 'loseDevice', {})).output).toBe(true);
    await page.waitForFunction(() => (window as unknown as { harness: { lost: unknown[] } }).harness.lost.length > 0, undefined, { timeout: 60_000 });
    const lost = await page.evaluate(() => (window as unknown as { harness: { lost: { backend: string; reason: string }[] } }).harness.lost);
    expect(lost[0].backend).toBe(backend);
    expect(lost[0].reason).toMatch(/lost/);
    // What the site does next: a fresh engine that leaves the lost backend out.
    const info = await init(page, { backend, exclude: [backend] });
    expect(info.backend).toBe('wasm');
    expect(info.skipped.find((s) => s.name === backend)?.reason).toMatch(/earlier in this session/);
    const { output } = await runJob<{ index: number }[]>(page, 'predict', { image: hay, topK: 1 });
    expect(output[0].index).toBe(958);
    await page.close();
  });
});

/**
 * The site itself on the GPU backends: headless Chromium with WebGPU and WebGL on software adapters,
 * against the local Worker. Automatic choice says why it left them out; forcing each from the header
 * computes a saliency map on it. The site is served cross-origin isolated, so WASM threads can start.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openSession, screenshot } from './browser.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const baseUrl = inject('baseUrl');
const HAY = sharedDir('data/imagenet_val_25', '00_hay.png');

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ browser, page, errors } = await openSession({ gpu: true }));
});

afterAll(async () => {
  await browser?.close();
});

const active = (label: string) => page.waitForSelector(`[data-testid=backend-active]:has-text("Active: ${label}")`, { timeout: 180_000 });

describe('the site on GPU backends', () => {
  it('is cross-origin isolated (COOP + COEP on the page and on the engine worker script)', async () => {
    const response = await page.goto(`${baseUrl}/saliency`);
    expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    const workerScript = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => /engine\.worker/.test(n)) ?? null);
    await page.setInputFiles('[data-testid=file-input]', HAY);
    await active('WebAssembly');
    const script = workerScript ?? (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => /worker/.test(n)) ?? null));
    expect(script).not.toBeNull();
    const headers = await page.evaluate(async (url) => Object.fromEntries((await fetch(url!)).headers), script);
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  });

  it('automatic choice lands on WebAssembly and shows why WebGPU and WebGL were left out', async () => {
    const reasons = await page.$$eval('[data-testid=backend-skipped] li', (items) => items.map((li) => li.textContent ?? ''));
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/^WebGPU: software adapter only/);
    expect(reasons[1]).toMatch(/^WebGL: software adapter only \(.*SwiftShader/);
    await screenshot(page, 'gpu-auto-skipped');
  });

  it.each([
    ['webgl', 'WebGL'],
    ['webgpu', 'WebGPU'],
  ])('forced to %s from the header, computes the saliency map there (top-1 hay)', async (backend, label) => {
    await page.getByLabel('Backend').selectOption(backend);
    await active(label);
    // Seconds a pass on a software GPU: the run is seen starting, then ending.
    await Promise.all([page.waitForSelector('.results[aria-busy=true]', { timeout: 60_000 }), page.click('[data-testid=run-saliency]')]);
    await page.waitForSelector('.results[aria-busy=false]', { timeout: 240_000 });
    expect(await page.$('.results [role=alert]')).toBeNull();
    await page.waitForSelector('[data-testid=saliency-canvas][data-empty=false]');
    expect(await page.getAttribute('[data-testid=top1]', 'data-index')).toBe('958');
    expect(await page.textContent('[data-testid=backend-active]')).toContain(label);
    expect(await page.$('[data-testid=forced-failed]')).toBeNull();
    expect(await page.$('.engine-status [role=alert]')).toBeNull();
    await screenshot(page, `gpu-${backend}-saliency`);
  });

  it('back to automatic returns to WebAssembly, without page errors', async () => {
    await page.getByLabel('Backend').selectOption('auto');
    await active('WebAssembly');
    expect(errors).toEqual([]);
  });
});

/**
 * Opening and reloading the site's own paths directly: the assets layer answers them with the
 * single-page app, while the API and the share pages still reach the Worker (JSON problems, not HTML).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { openSession, screenshot } from './browser.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ browser, page, errors } = await openSession());
});

afterAll(async () => {
  await browser?.close();
});

const PAGES = [
  { path: '/saliency', h1: 'Saliency maps', nav: 'Saliency' },
  { path: '/adversarial', h1: 'Adversarial', nav: 'Adversarial' },
  { path: '/classviz', h1: 'Class visualization', nav: 'Class visualization' },
  { path: '/api-docs', h1: 'API', nav: 'API' },
];

describe('deep links', () => {
  for (const { path, h1, nav } of PAGES) {
    it(`opens and reloads ${path} directly`, async () => {
      const response = await page.goto(baseUrl + path);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toContain('text/html');
      await page.waitForSelector(`h1:has-text("${h1}")`);
      expect(await page.textContent('nav a[aria-current=page]')).toBe(nav);
      const reloaded = await page.reload();
      expect(reloaded?.status()).toBe(200);
      await page.waitForSelector(`h1:has-text("${h1}")`);
      expect(new URL(page.url()).pathname).toBe(path);
    });
  }

  it('opens a stored result at /result/:id directly', async () => {
    const form = new FormData();
    form.append('image', new Blob([readFileSync(sharedDir('data/imagenet_val_25/00_hay.png'))], { type: 'image/png' }), 'hay.png');
    const created = await fetch(`${baseUrl}/api/v1/saliency?method=vanilla&topK=1`, { method: 'POST', body: form });
    expect([200, 201]).toContain(created.status);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);

    const response = await page.goto(`${baseUrl}/result/${id}`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('[data-testid=result-document]', { timeout: 60_000 });
    expect(await page.textContent('h1')).toBe('Shared result');
    expect(await page.textContent('[data-testid=top1]')).toContain('hay');
    await page.waitForFunction(() => document.images.length >= 2 && [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    await screenshot(page, 'deep-link-result');
  });

  it('shows the app’s own not-found page for an unknown site path', async () => {
    const response = await page.goto(`${baseUrl}/no/such/page`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('h1:has-text("Not found")');
    expect(await page.textContent('main')).toContain('/no/such/page');
  });

  it('keeps the API and the share pages on the Worker: JSON problems and the Worker’s 404, not the app', async () => {
    for (const method of ['GET', 'POST']) {
      const response = await fetch(`${baseUrl}/api/v1/nope`, { method, headers: { accept: 'text/html,*/*', 'sec-fetch-mode': 'navigate' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await response.json()) as { status: number; title: string };
      expect(problem.status).toBe(404);
      expect(problem.title.length).toBeGreaterThan(0);
    }
    // The same in the browser, as a navigation: still the API's answer.
    const navigated = await page.goto(`${baseUrl}/api/v1/nope`);
    expect(navigated?.status()).toBe(404);
    expect(navigated?.headers()['content-type']).toMatch(/^application\/problem\+json/);

    const share = await fetch(`${baseUrl}/r/doesNotExist0`, { headers: { 'sec-fetch-mode': 'navigate' } });
    expect(share.status).toBe(404);
    expect(await share.text()).not.toContain('id="app"');
  });

  it('answers a missing static file with 404, not the app’s HTML (a loader must never parse HTML as weights)', async () => {
    for (const file of ['/models/squeezenet1_1/missing.bin', '/assets/no-such-chunk.js', '/samples/none.json']) {
      const response = await fetch(baseUrl + file);
      expect(response.status, file).toBe(404);
      expect(await response.text(), file).not.toContain('id="app"');
    }
    const present = await fetch(`${baseUrl}/models/squeezenet1_1/manifest.json`);
    expect(present.status).toBe(200);
    expect(((await present.json()) as { model: string }).model).toBe('squeezenet1_1');
  });

  it('renders the deep-linked studio fully', async () => {
    await page.goto(`${baseUrl}/classviz`);
    await page.waitForSelector('[data-testid=backend-active]:has-text("Active")', { timeout: 120_000 });
    await screenshot(page, 'deep-link-classviz');
    expect(errors).toEqual([]);
  });
});

describe('settings in the URL query', () => {
  it('opens a page with the query’s settings, names refused values, and keeps the query in step with the controls', async () => {
    await page.goto(`${baseUrl}/saliency?method=smoothgrad&samples=8&fit=center-crop`);
    await page.waitForSelector('h1:has-text("Saliency maps")');
    expect(await page.getByLabel('Method').inputValue()).toBe('smoothgrad');
    expect(await page.locator('label:has-text("Samples") input').inputValue()).toBe('8');
    expect(await page.inputValue('[data-testid=fit-mode]')).toBe('center-crop');
    await page.getByLabel('Method').selectOption('integrated-gradients');
    await page.waitForFunction(() => location.search.includes('method=integrated-gradients'));
    // SmoothGrad's samples no longer apply, so they leave the link; the fit stays.
    expect(new URL(page.url()).search).toBe('?fit=center-crop&method=integrated-gradients');

    await page.goto(`${baseUrl}/adversarial?attack=fgsm&epsilon=999`);
    await page.waitForSelector('h1:has-text("Adversarial")');
    expect(await page.textContent('[role=alert]')).toContain('epsilon must be a number from 0 to 255, got 999.');
    expect(await page.getByLabel('FGSM, one step').isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });
});

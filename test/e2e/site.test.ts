/**
 * The site in real headless Chromium against the local Worker: upload → saliency → share,
 * class visualization, the iterative attack, and a corrupt file. Screenshots go to test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canvasStats, recordCanvasFrames, openSession, screenshot } from './browser.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const HAY = sharedDir('data/imagenet_val_25/00_hay.png');
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

async function openFromHome(linkText: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.click(`nav >> text=${linkText}`);
}

describe('site', () => {
  it('serves the home page under a strict CSP', async () => {
    const response = await page.goto(baseUrl + '/');
    expect(response?.status()).toBe(200);
    await page.waitForSelector('h1');
    expect(await page.textContent('h1')).toContain('How does a CNN see');
    const csp = await page.$eval('meta[http-equiv=Content-Security-Policy]', (m) => m.getAttribute('content'));
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    await screenshot(page, '01-home');
  });

  // `npm run models` renders the examples from the data mirror; without one the home page is text only.
  it('shows the precomputed examples on the home page, every picture loaded', async () => {
    await page.goto(baseUrl + '/');
    await page.waitForSelector('h1');
    // Set-up renders the examples when it has the data mirror, else writes an empty index: the page follows the index.
    const index = (await (await fetch(`${baseUrl}/examples/index.json`)).json()) as { examples?: unknown[] };
    if (!index.examples?.length) {
      await page.waitForLoadState('networkidle');
      expect(await page.$$('figure.example')).toHaveLength(0);
      return;
    }
    await page.waitForSelector('figure.example img');
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('figure.example img')].every((img) => img.complete));
    const images = await page.$$eval('figure.example img', (imgs) =>
      (imgs as HTMLImageElement[]).map((img) => ({ src: new URL(img.src).pathname, naturalWidth: img.naturalWidth, alt: img.alt, href: img.closest('a')!.getAttribute('href') })),
    );
    expect(images.map((i) => i.src)).toEqual(
      ['input', 'saliency-vanilla', 'saliency-smoothgrad', 'saliency-integrated-gradients', 'fgsm-adversarial', 'fgsm-difference', 'class-visualization'].map((m) => `/examples/${m}.png`),
    );
    for (const image of images) {
      expect(image.naturalWidth, image.src).toBe(224);
      expect(image.alt.length, image.src).toBeGreaterThan(20);
    }
    expect(new Set(images.map((i) => i.href))).toEqual(new Set(['/saliency', '/adversarial', '/classviz']));
    expect(await page.textContent('figure.example[data-method=saliency-vanilla] figcaption')).toMatch(/^Saliency \(vanilla\): where the gradient of “.+” is largest/);
    await screenshot(page, '01b-home-examples');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '01c-home-examples-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    // A picture's link opens its page in the app.
    await page.click('figure.example[data-method=class-visualization] a');
    await page.waitForSelector('[data-testid=run-viz]');
    expect(new URL(page.url()).pathname).toBe('/classviz');
  });

  it('computes saliency for an uploaded image in the browser (top-1 hay) with a non-empty overlay', async () => {
    await openFromHome('Saliency');
    await page.setInputFiles('[data-testid=file-input]', HAY);
    await page.waitForSelector('[data-testid=input-canvas][data-empty=false]');
    await page.waitForSelector('[data-testid=backend-active]:has-text("Active")', { timeout: 120_000 });
    expect(await page.textContent('[data-testid=backend-active]')).toContain('WebAssembly');
    // The predictions come as soon as the image is chosen; the button is for the maps.
    await page.waitForSelector('[data-testid=top1]', { timeout: 120_000 });
    expect(await page.getAttribute('[data-testid=top1]', 'data-index')).toBe('958');
    expect(await page.$('[data-testid=saliency-canvas]')).toBeNull();
    expect(await page.$eval('form.controls', (form) => (form as HTMLFormElement).checkValidity())).toBe(true);
    await page.click('[data-testid=run-saliency]');
    await page.waitForSelector('[data-testid=top1]', { timeout: 120_000 });
    expect(await page.getAttribute('[data-testid=top1]', 'data-index')).toBe('958');
    expect(await page.textContent('[data-testid=top1]')).toContain('hay');
    await page.waitForSelector('[data-testid=saliency-canvas][data-empty=false]');
    // A value out of range is refused in the words of the CLI and the API.
    await page.getByLabel('Method').selectOption('smoothgrad');
    await page.fill('label:has-text("Samples") input', '500');
    await page.dispatchEvent('label:has-text("Samples") input', 'change');
    await page.click('[data-testid=run-saliency]');
    await page.waitForSelector('[role=alert]:has-text("samples must be a whole number from 1 to 200, got 500.")', { timeout: 60_000 });
    await page.fill('label:has-text("Samples") input', '25');
    await page.dispatchEvent('label:has-text("Samples") input', 'change');
    await page.getByLabel('Method').selectOption('vanilla');
    const overlay = await canvasStats(page, '[data-testid=saliency-canvas]');
    expect(overlay.distinct).toBeGreaterThan(1000);
    await screenshot(page, '02-saliency');

    await page.getByLabel('View').selectOption('mask');
    await page.waitForSelector('text=Mask covers');
    await screenshot(page, '02b-saliency-mask');
    await page.getByLabel('View').selectOption('overlay');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '03-saliency-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shares the result and opens the share link, then the stored result on the site', async () => {
    await page.click('[data-testid=share]');
    await page.waitForSelector('[data-testid=share-url], .share [role=alert]', { timeout: 120_000 });
    expect(await page.$('.share [role=alert]').then((alert) => alert?.textContent() ?? null)).toBeNull();
    const shareUrl = await page.inputValue('[data-testid=share-url]');
    expect(shareUrl).toMatch(/\/r\/[A-Za-z0-9_-]+$/);
    await screenshot(page, '04-shared');

    const share = await browser.newPage();
    const response = await share.goto(shareUrl);
    expect(response?.status()).toBe(200);
    expect(await share.textContent('body')).toContain('hay');
    await screenshot(share, '05-share-page');

    const id = shareUrl.split('/').pop()!;
    await share.goto(`${baseUrl}/?mode=saliency&result=${id}`);
    await share.waitForSelector('[data-testid=result-document]', { timeout: 60_000 });
    expect(new URL(share.url()).pathname).toBe(`/result/${id}`);
    expect(await share.textContent('[data-testid=top1]')).toContain('hay');
    await share.waitForFunction(() => [...document.images].some((img) => img.complete && img.naturalWidth > 0));
    await screenshot(share, '06-result');
    await share.close();
  });

  it('runs 10 class-visualization iterations with a changing live preview', async () => {
    await page.click('nav >> text=Class visualization');
    await page.fill('[data-testid=viz-iterations]', '10');
    await page.dispatchEvent('[data-testid=viz-iterations]', 'change');
    const frames = await recordCanvasFrames(page, '[data-testid=viz-preview]');
    expect(await page.$eval('form.controls', (form) => (form as HTMLFormElement).checkValidity())).toBe(true);
    await page.click('[data-testid=run-viz]');
    await page.waitForSelector('[data-testid=viz-status]:has-text("Done")', { timeout: 120_000 });
    // The preview changed while it ran: an intermediate frame, then the final image.
    expect((await frames()).length).toBeGreaterThanOrEqual(2);
    const final = await canvasStats(page, '[data-testid=viz-preview]');
    expect(final.distinct).toBeGreaterThan(100);
    expect(await page.textContent('[data-testid=viz-status]')).toMatch(/final probability \d/);
    await screenshot(page, '07-classviz');
  });

  it('runs the iterative targeted attack to success with a live step counter', async () => {
    await page.click('nav >> text=Adversarial');
    await page.waitForSelector('[data-testid=input-canvas][data-empty=false]');
    // Off by default, as in the core and the CLI (until8bit); on, the saved PNG must fool the model too.
    expect(await page.isChecked('[data-testid=until-8bit]')).toBe(false);
    await page.check('[data-testid=until-8bit]');
    // The defaults satisfy the inputs' own bounds and steps: an invalid field would block Run silently.
    expect(await page.$eval('form.controls', (form) => (form as HTMLFormElement).checkValidity())).toBe(true);
    await page.click('[data-testid=run-attack]');
    await page.waitForSelector('[data-testid=attack-steps]:has-text("Step 1 ")', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=attack-report]', { timeout: 240_000 });
    expect(await page.getAttribute('[data-testid=attack-report]', 'data-success')).toBe('true');
    expect(await page.textContent('[data-testid=attack-report]')).toMatch(/Survives 8-bit PNG\s*yes/);
    const adversarial = await canvasStats(page, '[data-testid=adversarial-canvas]');
    expect(adversarial.distinct).toBeGreaterThan(1000);
    await screenshot(page, '08-adversarial');
  });

  it('runs untargeted FGSM in the browser: at ε = 2 hay becomes the reference class (347 bison)', async () => {
    await page.click('text=FGSM, one step');
    expect(await page.inputValue('[data-testid=fgsm-direction]')).toBe('away');
    expect(await page.isVisible('#attack-target')).toBe(false);
    await page.click('[data-testid=run-attack]');
    await page.waitForSelector('[data-testid=attack-report]', { timeout: 120_000 });
    expect(await page.getAttribute('[data-testid=attack-report]', 'data-success')).toBe('true');
    const after = await page.$$eval('.attack-report [data-testid=top1]', (items) => items.map((li) => li.getAttribute('data-index')));
    expect(after).toEqual(['958', '347']); // before, after
    await screenshot(page, '08b-fgsm');
  });

  it('shows a clear message for a corrupt file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradlens-corrupt-'));
    const file = join(dir, 'broken.png');
    writeFileSync(file, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]));
    await page.click('nav >> text=Saliency');
    await page.setInputFiles('[data-testid=file-input]', file);
    const alert = await page.waitForSelector('.image-input [role=alert]');
    expect((await alert.textContent())!.length).toBeGreaterThan(10);
    expect(await page.textContent('h1')).toBe('Saliency maps');
    await screenshot(page, '09-corrupt');
  });

  it('renders the API docs from the OpenAPI document', async () => {
    await page.click('nav >> text=API');
    await page.waitForSelector('.operation', { timeout: 30_000 });
    expect(await page.textContent('main')).toContain('/saliency');
    await screenshot(page, '10-api-docs');
    expect(errors).toEqual([]);
  });
});

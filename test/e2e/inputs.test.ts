/**
 * Getting an image in without the file dialog: a dropped file, a pasted one, and a non-square image
 * fitted by squashing (the default) or by a center crop.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { canvasStats, launchChromium, screenshot, watchErrors } from './browser.ts';
import { sharedDir } from '../helpers/shared-path.ts';
import { cropImage, decodeImage, encodePng } from '../../core/image/index.ts';

const baseUrl = inject('baseUrl');
const sample = (name: string) => readFileSync(sharedDir('data/imagenet_val_25', name));

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(`${baseUrl}/saliency`);
  await page.waitForSelector('h1:has-text("Saliency maps")');
});

afterAll(async () => {
  await browser?.close();
});

/** Drags a file over the drop zone (which must light up) and drops it, as a file manager would. */
async function dropFile(bytes: Uint8Array, name: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type: 'image/png' }));
      return dt;
    },
    { base64: Buffer.from(bytes).toString('base64'), name },
  );
  await page.dispatchEvent('[data-testid=dropzone]', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('[data-testid=dropzone]', 'dragover', { dataTransfer: transfer });
  await page.waitForSelector('[data-testid=dropzone].dragging', { timeout: 5_000 });
  await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: transfer });
  await transfer.dispose();
}

async function waitForInput(caption: string): Promise<void> {
  await page.waitForSelector(`[data-testid=input-canvas][data-empty=false][aria-label="Input: ${caption}"]`, { timeout: 30_000 });
}

describe('image input', () => {
  it('accepts a dropped PNG', async () => {
    expect(await page.getAttribute('[data-testid=input-canvas]', 'data-empty')).toBe('true');
    await dropFile(sample('00_hay.png'), 'dropped-hay.png');
    await waitForInput('dropped-hay.png');
    expect(await page.getAttribute('[data-testid=dropzone]', 'class')).not.toContain('dragging');
    expect(await page.textContent('[data-testid=input-info]')).toBe('224×224 → 224×224 (squashed)');
    expect((await canvasStats(page, '[data-testid=input-canvas]')).distinct).toBeGreaterThan(1000);
    await screenshot(page, 'input-dropped');
  });

  it('accepts an image pasted from the clipboard (Ctrl+V)', async () => {
    const before = await canvasStats(page, '[data-testid=input-canvas]');
    await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
    }, sample('01_quail.png').toString('base64'));
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await page.keyboard.press('Control+V');
    await page.waitForFunction(
      (hash) => {
        const c = document.querySelector('[data-testid=input-canvas]') as HTMLCanvasElement;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let h = 0;
        for (let i = 0; i < data.length; i += 4) h = (h * 31 + ((data[i] << 16) | (data[i + 1] << 8) | data[i + 2])) | 0;
        return h !== hash;
      },
      before.hash,
      { timeout: 30_000 },
    );
    expect(await page.getAttribute('[data-testid=input-canvas]', 'aria-label')).not.toBe('Input: dropped-hay.png');
    expect(await page.$('.image-input [role=alert]')).toBeNull();
  });

  it('accepts a non-square image: squashed by default, center-cropped on request, and back', async () => {
    expect(await page.inputValue('[data-testid=fit-mode]')).toBe('squash');
    const hay = await decodeImage(new Uint8Array(sample('00_hay.png')));
    const wide = encodePng(cropImage(hay, 0, 50, 224, 112));
    // The canvas repaints just after the text changes: poll its pixels rather than read them once.
    const canvasHash = async () => (await canvasStats(page, '[data-testid=input-canvas]')).hash;
    const before = await canvasHash();
    await dropFile(wide, 'wide-hay.png');
    await waitForInput('wide-hay.png');
    expect(await page.textContent('[data-testid=input-info]')).toBe('224×112 → 224×224 (squashed)');
    await expect.poll(canvasHash).not.toBe(before);
    const squashed = await canvasHash();

    await page.getByLabel('Fit to square').selectOption('center-crop');
    await page.waitForSelector('[data-testid=input-info]:has-text("(center crop)")');
    expect(await page.textContent('[data-testid=input-info]')).toBe('224×112 → 224×224 (center crop)');
    await expect.poll(canvasHash).not.toBe(squashed);
    const cropped = await canvasHash();
    await screenshot(page, 'input-center-crop');

    // The next file is fitted the chosen way too.
    await dropFile(wide, 'wide-hay-again.png');
    await waitForInput('wide-hay-again.png');
    await expect.poll(canvasHash).toBe(cropped);

    await page.getByLabel('Fit to square').selectOption('squash');
    await page.waitForSelector('[data-testid=input-info]:has-text("(squashed)")');
    await expect.poll(canvasHash).toBe(squashed);
  });

  it('reaches the file chooser by keyboard with a visible focus ring', async () => {
    await page.locator('h1').click();
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'file-input'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    }
    expect(focused).toBe('file-input');
    const outline = await page.$eval('label[for=image-file]', (label) => getComputedStyle(label).outlineStyle);
    expect(outline).toBe('solid');
    expect(errors).toEqual([]);
  });
});

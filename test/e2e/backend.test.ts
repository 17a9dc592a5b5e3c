/**
 * Forcing a TF.js backend from the header: the engine restarts on it, the header says which one is
 * active, it computes there, and going back to automatic returns to WebAssembly (headless has no GPU).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openSession, screenshot } from './browser.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ browser, page, errors } = await openSession());
  await page.goto(`${baseUrl}/classviz`);
});

afterAll(async () => {
  await browser?.close();
});

const active = () => page.textContent('[data-testid=backend-active]');

describe('backend choice', () => {
  it('switches to the forced CPU backend, computes on it, and goes back to automatic', async () => {
    await page.waitForSelector('[data-testid=backend-active]:has-text("Active: WebAssembly")', { timeout: 120_000 });
    const backend = page.getByLabel('Backend');
    expect(await backend.inputValue()).toBe('auto');

    await backend.selectOption('cpu');
    await page.waitForSelector('[data-testid=backend-active]:has-text("Active: CPU (JavaScript)")', { timeout: 120_000 });
    expect(await backend.inputValue()).toBe('cpu');
    await screenshot(page, 'backend-cpu');

    // One iteration on the CPU backend: the restarted engine really computes.
    await page.fill('[data-testid=viz-iterations]', '1');
    await page.dispatchEvent('[data-testid=viz-iterations]', 'change');
    await page.click('[data-testid=run-viz]');
    await page.waitForSelector('[data-testid=viz-status][data-status=done]', { timeout: 180_000 });
    expect(await page.getAttribute('[data-testid=viz-preview]', 'data-empty')).toBe('false');
    expect(await active()).toContain('CPU (JavaScript)');

    await backend.selectOption('auto');
    await page.waitForSelector('[data-testid=backend-active]:has-text("Active: WebAssembly")', { timeout: 120_000 });
    expect(await backend.inputValue()).toBe('auto');
    expect(await page.$('.engine-status [role=alert]')).toBeNull();
    expect(errors).toEqual([]);
  });
});

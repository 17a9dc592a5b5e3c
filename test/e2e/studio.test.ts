/**
 * The class-visualization studio in real Chromium: pause, resume (by keyboard) and cancel of a long
 * run, the total-variation control, and a 2×2 sweep whose cells fill one by one.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { canvasStats, openSession, screenshot } from './browser.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ browser, page, errors } = await openSession());
  await page.goto(`${baseUrl}/classviz`);
  await page.waitForSelector('[data-testid=backend-active]:has-text("Active")', { timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
});

/** Number fields commit on `change`, as when the visitor leaves the field. */
async function setNumber(testId: string, value: string): Promise<void> {
  await page.fill(`[data-testid=${testId}]`, value);
  await page.dispatchEvent(`[data-testid=${testId}]`, 'change');
}

/** The step counter of the progress line ("12 / 400 · 3.1 it/s"). */
async function step(): Promise<number> {
  const text = (await page.textContent('[data-testid=viz-progress]')) ?? '';
  const match = /^(\d+) \/ (\d+)/.exec(text);
  if (!match) throw new Error(`No step counter in “${text}”`);
  return Number(match[1]);
}

async function waitForStepAbove(value: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (v) => Number(/^(\d+)/.exec(document.querySelector('[data-testid=viz-progress]')?.textContent ?? '')?.[1] ?? -1) > v,
    value,
    { timeout },
  );
}

async function box(selector: string) {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not visible`);
  return b;
}

describe('class visualization studio', () => {
  it('has a labelled total-variation control that reaches the settings', async () => {
    const tv = page.getByLabel('Total variation weight');
    expect(await tv.getAttribute('type')).toBe('number');
    expect(await tv.inputValue()).toBe('0');
    await setNumber('viz-totalVariation', '0.05');
    expect(await tv.inputValue()).toBe('0.05');
  });

  it('pauses (the counter stops), resumes by keyboard (it goes on) and cancels to a readable state', async () => {
    await setNumber('viz-iterations', '400');
    const previewBefore = await box('[data-testid=viz-preview]');
    await page.click('[data-testid=run-viz]');
    await waitForStepAbove(5);
    await page.waitForSelector('[data-testid=viz-preview][data-empty=false]');
    // Space for the preview and status was reserved: nothing moved when the run started.
    expect(await box('[data-testid=viz-preview]')).toEqual(previewBefore);
    // Starting disabled Run; keyboard focus moved on to Pause instead of falling to the page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('pause-viz');
    await screenshot(page, 'studio-running');

    await page.click('[data-testid=pause-viz]');
    // "Paused" appears once the worker has parked the run, so the counter shown then is final.
    await page.waitForSelector('[data-testid=viz-status][data-status=paused]');
    expect(await page.textContent('[data-testid=pause-viz]')).toBe('Resume');
    const pausedAt = await step();
    const pausedFrame = await canvasStats(page, '[data-testid=viz-preview]');
    expect(await page.textContent('[data-testid=viz-status]')).toContain(`Paused at step ${pausedAt} of 400`);
    // From here on, every change of the counter is logged in order with the Resume press.
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { counterLog: string[] }).counterLog = log;
      const counter = document.querySelector('[data-testid=viz-progress]')!;
      new MutationObserver(() => log.push(counter.textContent ?? '')).observe(counter, { subtree: true, childList: true, characterData: true });
      document.querySelector('[data-testid=pause-viz]')!.addEventListener('click', () => log.push('resume'), { capture: true });
    });
    await screenshot(page, 'studio-paused');
    expect((await canvasStats(page, '[data-testid=viz-preview]')).hash).toBe(pausedFrame.hash);

    await page.focus('[data-testid=pause-viz]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=viz-status][data-status=running]');
    await waitForStepAbove(pausedAt + 2);
    expect(await page.textContent('[data-testid=pause-viz]')).toBe('Pause');
    // Nothing moved while paused, and the run went on from the very next step.
    const log = await page.evaluate(() => (window as unknown as { counterLog: string[] }).counterLog);
    expect(log[0]).toBe('resume');
    expect(log[1]).toMatch(new RegExp(`^${pausedAt + 1} / 400`));

    await page.click('[data-testid=cancel-viz]');
    await page.waitForSelector('[data-testid=viz-status][data-status=cancelled]', { timeout: 60_000 });
    const cancelledAt = await step();
    expect(cancelledAt).toBeGreaterThan(pausedAt);
    expect(cancelledAt).toBeLessThan(400);
    expect(await page.textContent('[data-testid=viz-status]')).toBe(`Cancelled at step ${cancelledAt} of 400; the preview shows the last frame.`);
    expect(await page.getAttribute('[data-testid=viz-preview]', 'data-empty')).toBe('false');
    expect(await page.isEnabled('[data-testid=run-viz]')).toBe(true);
    expect(await page.isDisabled('[data-testid=pause-viz]')).toBe(true);
    expect(await page.isDisabled('[data-testid=cancel-viz]')).toBe(true);
    expect(await page.isEnabled('[data-testid=run-sweep]')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('run-viz');
    expect(await page.$('.results [role=alert]')).toBeNull();
    expect(await box('[data-testid=viz-preview]')).toEqual(previewBefore);
    await screenshot(page, 'studio-cancelled');
  });

  it('sweeps L2 × learning rate on a 2×2 grid, filling cells one by one with distinct images', async () => {
    await setNumber('viz-iterations', '3');
    await setNumber('viz-totalVariation', '0');
    await page.selectOption('[data-testid=sweep-row-param]', 'l2');
    await page.selectOption('[data-testid=sweep-col-param]', 'learningRate');
    await page.fill('[data-testid=sweep-rows]', '0.0001, 0.1');
    await page.fill('[data-testid=sweep-cols]', '5, 80');
    // The empty grid is there before the run, so the filled one takes the same room.
    expect(await page.locator('[data-testid=sweep-cell][data-status=waiting]').count()).toBe(4);
    const gridBefore = await box('[data-testid=sweep-grid]');
    // Record how many cells are done at every change of the grid.
    await page.evaluate(() => {
      const w = window as unknown as { doneCounts: number[] };
      w.doneCounts = [];
      const grid = document.querySelector('[data-testid=sweep-grid]')!;
      new MutationObserver(() => {
        const done = grid.querySelectorAll('[data-testid=sweep-cell][data-status=done]').length;
        if (w.doneCounts.at(-1) !== done) w.doneCounts.push(done);
      }).observe(grid, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
    });
    await page.click('[data-testid=run-sweep]');
    await page.waitForSelector('[data-testid=sweep-cell][data-status=done]', { timeout: 120_000 });
    await screenshot(page, 'studio-sweep-filling');
    await page.waitForSelector('[data-testid=sweep-status]:has-text("4 of 4 runs done.")', { timeout: 240_000 });

    const counts = await page.evaluate(() => (window as unknown as { doneCounts: number[] }).doneCounts);
    expect(counts).toEqual([0, 1, 2, 3, 4]);
    const hashes = new Set<number>();
    for (const [row, col] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
      const stats = await canvasStats(page, `[data-testid=sweep-canvas-${row}-${col}]`);
      expect(stats.distinct).toBeGreaterThan(100);
      hashes.add(stats.hash);
    }
    expect(hashes.size).toBe(4);
    expect(await page.textContent('[data-testid=sweep-grid] thead')).toContain('Learning rate');
    expect(await page.textContent('[data-testid=sweep-grid] tbody')).toMatch(/%/);
    const gridAfter = await box('[data-testid=sweep-grid]');
    expect(Math.abs(gridAfter.height - gridBefore.height)).toBeLessThan(2);
    await page.locator('[data-testid=sweep-grid]').scrollIntoViewIfNeeded();
    await screenshot(page, 'studio-sweep-grid');
    expect(errors).toEqual([]);
  });
});

/**
 * The engine harness page (web/harness.html): the site's real engine worker, driven from a test or a
 * benchmark through `window.harness`. Built with the site's Vite config into a temporary folder and
 * served cross-origin isolated (as the Worker serves the site), so WASM threads can start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { RgbImage } from '../../core/types.ts';
import type { JobType } from '../../web/src/worker/protocol.ts';

const root = new URL('../..', import.meta.url).pathname;
const configFile = join(root, 'web/vite.config.ts');

const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** `afterBuild` may add files to the built folder before it is served (a model imported into its `models/`). */
export async function startHarness(afterBuild?: (outDir: string) => Promise<void>): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'gradlens-harness-'));
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true, rollupOptions: { input: join(root, 'web/harness.html') } } });
  await afterBuild?.(outDir);
  const server = await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, headers: ISOLATION } });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('The harness preview server has no URL.');
  return {
    url: `${base}harness.html`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** An image as the harness takes it (plain arrays cross `page.evaluate`). */
export const plainImage = (image: RgbImage) => ({ width: image.width, height: image.height, data: Array.from(image.data) });

export interface HarnessRun<T = unknown> {
  output: T;
  progress: Record<string, unknown>[];
  ms: number;
}

/** Runs one job in the page's engine worker and returns its output as plain data. */
export function runJob<T = unknown>(page: Page, type: JobType, input: Record<string, unknown>): Promise<HarnessRun<T>> {
  return page.evaluate(
    ({ type, input }) => (window as unknown as { harness: { run(t: string, i: unknown): Promise<unknown> } }).harness.run(type, input),
    { type, input },
  ) as Promise<HarnessRun<T>>;
}

/** Opens the harness page and waits until it is ready. */
export async function openHarness(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => 'harness' in window);
}

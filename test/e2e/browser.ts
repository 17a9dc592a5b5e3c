/**
 * Headless Chromium for the e2e tests, off the network. By default WebGPU and WebGL are off, so the
 * engine runs on WASM; `gpu: true` brings both GPU backends up on software adapters (SwiftShader), so
 * every backend runs for real (slowly) on a machine without a GPU. On a machine with a GPU, `gpu: true`
 * with GRADLENS_CHROMIUM_HARDWARE_GPU=1 uses the real adapter instead.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;

const COMMON = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WASM_ONLY = ['--disable-gpu', '--disable-software-rasterizer'];
const SOFTWARE_GPU = ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan'];
const HARDWARE_GPU = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=vulkan', '--ignore-gpu-blocklist'];

export function launchChromium({ gpu = false }: { gpu?: boolean } = {}): Promise<Browser> {
  const gpuFlags = process.env.GRADLENS_CHROMIUM_HARDWARE_GPU === '1' ? HARDWARE_GPU : SOFTWARE_GPU;
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...COMMON, ...(gpu ? gpuFlags : WASM_ONLY)],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** A headless Chromium with one desktop-sized page whose errors are collected. */
export async function openSession(options: { gpu?: boolean } = {}): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser = await launchChromium(options);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  return { browser, page, errors: watchErrors(page) };
}

/** Collects page errors and CSP violations so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

/** A digest of a canvas's pixels and how many distinct values it has (0 for an empty canvas). */
export async function canvasStats(page: Page, selector: string): Promise<{ hash: number; distinct: number }> {
  return page.$eval(selector, (canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let hash = 0;
    const values = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      values.add(v);
      hash = (hash * 31 + v) | 0;
    }
    return { hash, distinct: values.size };
  });
}

/**
 * Starts recording every distinct picture a canvas shows (sampled each animation frame, non-empty
 * canvases only); the returned function reads the list. Catches intermediate frames however fast
 * the computation runs.
 */
export async function recordCanvasFrames(page: Page, selector: string): Promise<() => Promise<number[]>> {
  await page.evaluate((sel) => {
    const seen: number[] = [];
    (window as unknown as { __frames: number[] }).__frames = seen;
    const sample = () => {
      const c = document.querySelector(sel) as HTMLCanvasElement | null;
      if (c && c.dataset.empty === 'false') {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let hash = 0;
        for (let i = 0; i < data.length; i += 4) hash = (hash * 31 + ((data[i] << 16) | (data[i + 1] << 8) | data[i + 2])) | 0;
        if (seen[seen.length - 1] !== hash) seen.push(hash);
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }, selector);
  return () => page.evaluate(() => [...new Set((window as unknown as { __frames: number[] }).__frames)]);
}

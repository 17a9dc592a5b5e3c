/**
 * `npm run bench:web`: builds the benchmark page with the site's Vite config, serves it, and times
 * the engine worker in headless Chromium on whatever backend it picks (WASM without a GPU).
 * Prints medians: ms per saliency map (vanilla, top-1) and per class-visualization iteration.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { launchChromium } from '../e2e/browser.ts';

const root = new URL('../..', import.meta.url).pathname;
const configFile = join(root, 'web/vite.config.ts');
const outDir = mkdtempSync(join(tmpdir(), 'gradlens-bench-'));

async function main() {
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true, rollupOptions: { input: join(root, 'web/bench.html') } } });
  const server = await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server has no URL.');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const query = process.argv.slice(2).join('&');
    await page.goto(`${url}bench.html${query ? `?${query}` : ''}`);
    const handle = await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, undefined, { timeout: 600_000 });
    const result = (await handle.jsonValue()) as Record<string, unknown>;
    if (result.error) throw new Error(String(result.error));
    console.log(`backend ${result.backend} (${result.probes}); engine start + weights ${result.initMs} ms`);
    console.log(`saliency map (vanilla, top-1): median ${result.saliencyMedianMs} ms over ${result.saliencyRuns} runs`);
    console.log(`class visualization: median ${result.classVizIterationMedianMs} ms per iteration over ${result.classVizIterations} (${result.classVizTotalMs} ms total)`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

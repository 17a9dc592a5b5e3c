/**
 * Benchmark page (built only by `npm run bench:web`, not part of the site): times the engine worker
 * exactly as the site uses it. Results land on `window.__bench` for the driver script.
 */
import { EngineClient, type WorkerLike } from './worker/client.ts';

const params = new URLSearchParams(location.search);
const saliencyRuns = Number(params.get('saliency') ?? 7);
const vizIterations = Number(params.get('iterations') ?? 30);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const engine = new EngineClient(
    () => new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
  );
  const t0 = performance.now();
  const info = await engine.run('init', { modelId: 'squeezenet1_1', backend: (params.get('backend') ?? 'auto') as 'auto' }).result;
  const initMs = performance.now() - t0;

  const bytes = new Uint8Array(await (await fetch('/samples/00_hay.png')).arrayBuffer());
  const { decodeImage, fitImage } = await import('../../core/image/index.ts');
  const image = fitImage(decodeImage(bytes), 224);

  const saliencyMs: number[] = [];
  for (let i = 0; i <= saliencyRuns; i++) {
    const start = performance.now();
    await engine.run('saliency', { image, options: { target: 'top', topK: 1, method: 'vanilla' } }).result;
    if (i > 0) saliencyMs.push(performance.now() - start); // the first run includes warm-up
  }

  const stepTimes: number[] = [];
  const vizStart = performance.now();
  await engine.run('classviz', { target: 76, preset: 'cs231n', iterations: vizIterations, seed: 1 }, () => stepTimes.push(performance.now())).result;
  const vizTotalMs = performance.now() - vizStart;
  const perIteration = stepTimes.slice(1).map((t, i) => t - stepTimes[i]);

  const result = {
    backend: info.backend,
    probes: info.probes.map((p) => `${p.name}:${p.available ? (p.software ? 'software' : 'ok') : 'unavailable'}`).join(' '),
    initMs: Math.round(initMs),
    saliencyMedianMs: Math.round(median(saliencyMs)),
    saliencyRuns: saliencyMs.length,
    classVizIterationMedianMs: Math.round(median(perIteration)),
    classVizIterations: vizIterations,
    classVizTotalMs: Math.round(vizTotalMs),
  };
  (window as unknown as { __bench: unknown }).__bench = result;
  document.getElementById('out')!.textContent = JSON.stringify(result, null, 2);
}

main().catch((error) => {
  (window as unknown as { __bench: unknown }).__bench = { error: String(error?.message ?? error) };
});

/**
 * Engine harness (built only by the browser benchmark and the backend tests, never part of the site):
 * puts a factory for the real engine worker on `window.harness`, so a driver script runs jobs on it
 * exactly as the site does and reads the results back as plain data.
 */
import { EngineClient } from './worker/client.ts';
import { createEngineWorker } from './worker/create-engine-worker.ts';
import type { BackendName } from './worker/backends.ts';
import type { JobType, Jobs } from './worker/protocol.ts';

/** Typed arrays become plain arrays so the driver's `evaluate` can carry them back. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** An `RgbImage` sent by the driver as `{ width, height, data: number[] }`. */
function image(value: { width: number; height: number; data: number[] } | null | undefined) {
  return value ? { width: value.width, height: value.height, data: Uint8Array.from(value.data) } : value;
}

export interface Harness {
  engine: EngineClient;
  /** Device losses the engine reported, in order. */
  lost: { backend: BackendName; reason: string }[];
  /** Runs a job; `input.image` may be plain arrays. Progress events are kept in `progress`. */
  run(type: JobType, input: Record<string, unknown>): Promise<{ output: unknown; progress: unknown[]; ms: number }>;
  /**
   * On this page's own TF.js (not the worker): `iterations` class-visualization steps of a miniature
   * SqueezeNet (every layer kind) on `backend`, with the live tensor count before, at every step, after.
   */
  tinyLoop(backend: BackendName, iterations: number): Promise<{ backend: string; before: number; during: number[]; after: number }>;
  /**
   * A request exactly as the site makes it: the file through the site's input code, the settings from
   * the site's defaults and a URL query read by the site's own parser, the job from the page's own
   * request builder; run on this harness's engine (started first with `init`).
   */
  site(kind: 'saliency' | 'fgsm' | 'classviz', file: number[], search: string): Promise<{ output: unknown; progress: unknown[]; ms: number }>;
}

const lost: Harness['lost'] = [];

const harness: Harness = {
  engine: new EngineClient(createEngineWorker, (backend, reason) => lost.push({ backend, reason })),
  lost,
  async run(type, input) {
    const progress: unknown[] = [];
    const start = performance.now();
    const job = harness.engine.run(type, { ...input, ...('image' in input ? { image: image(input.image as never) } : {}) } as Jobs[typeof type]['input'], (p) =>
      progress.push(plain({ at: performance.now() - start, ...(p as object) })),
    );
    const output = await job.result;
    return { output: plain(output), progress, ms: performance.now() - start };
  },
  async tinyLoop(backend, iterations) {
    const [tf, { startBackend }, { classVisualization }, { tinySqueezeNet }] = await Promise.all([
      import('@tensorflow/tfjs-core'),
      import('./worker/activate.ts'),
      import('../../core/classviz/class-visualization.ts'),
      import('../../test/helpers/tiny-squeezenet.ts'),
    ]);
    await startBackend(backend);
    const model = tinySqueezeNet(32);
    const during: number[] = [];
    const before = tf.memory().numTensors;
    await classVisualization(model, { class: 1, iterations, seed: 3, jitter: 4, blurSigma: 0.5, onStep: () => void during.push(tf.memory().numTensors) });
    const after = tf.memory().numTensors;
    model.dispose();
    return { backend: tf.getBackend(), before, during, after };
  },
  async site(kind, file, search) {
    const [{ initialState }, { settingsFromQuery }, { decodeInput }, { saliencyOptions }, { fgsmRequest }, { vizOptions }, { inputSizeOf }] = await Promise.all([
      import('./state/app.ts'),
      import('./lib/query.ts'),
      import('./image/decode.ts'),
      import('./state/saliency.ts'),
      import('./state/adversarial.ts'),
      import('./state/classviz.ts'),
      import('./state/active-model.ts'),
    ]);
    const page = kind === 'fgsm' ? 'adversarial' : kind;
    const defaults = initialState({ name: page });
    const { slices, problems } = settingsFromQuery(page, defaults, search);
    if (problems.length > 0) throw new Error(problems.join(' '));
    const { image } = await decodeInput(new Blob([Uint8Array.from(file)]), defaults.inputFit, inputSizeOf(defaults, slices.model.id));
    if (kind === 'saliency') return harness.run('saliency', { image, options: saliencyOptions(slices.saliency) });
    if (kind === 'fgsm') return harness.run('fgsm', fgsmRequest(slices.adversarial, image));
    return harness.run('classviz', vizOptions(slices.classviz.settings) as unknown as Record<string, unknown>);
  },
};

(window as unknown as { harness: Harness }).harness = harness;
document.getElementById('out')!.textContent = 'engine harness ready';

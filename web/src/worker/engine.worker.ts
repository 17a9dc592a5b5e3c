/**
 * The engine: TF.js, the model and every long computation run here so the page never freezes.
 * One job runs at a time (they share one backend); later ones wait their turn.
 */
import { loadModel, type LoadProgress, type WeightSource } from '../../../models/load-model.ts';
import type { Classifier } from '../../../core/model.ts';
import { backendOrder, skipReasons, type BackendName, type SkippedBackend } from './backends.ts';
import { leaveBackend, probeBackends, startBackend, wasmThreads } from './activate.ts';
import { watchDeviceLoss } from './device-loss.ts';
import { handlers, type ModelJobType } from './jobs.ts';
import { JobControl } from './job-control.ts';
import { toErrorInfo, transferablesOf, type EngineInfo, type EngineOptions, type FromWorker, type Jobs, type ToWorker } from './protocol.ts';
import { progressWeightSource } from './weights.ts';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;

let engine: { model: Classifier; info: EngineInfo } | null = null;
let queue: Promise<unknown> = Promise.resolve();
const controls = new Map<number, JobControl>();

function post(message: FromWorker): void {
  const transfer = message.kind === 'done' ? transferablesOf(message.output) : [];
  try {
    scope.postMessage(message, transfer);
  } catch {
    scope.postMessage(message); // a buffer that cannot be transferred is copied instead
  }
}

/** Each file is downloaded once, however many backends are tried. */
function memoized(source: WeightSource): WeightSource {
  const files = new Map<string, Promise<{ body: ArrayBuffer; init: ResponseInit }>>();
  return async (path) => {
    if (!files.has(path)) {
      const load = source(path).then(async (r) => ({ body: await r.arrayBuffer(), init: { status: r.status, headers: r.headers } }));
      files.set(path, load);
      load.catch(() => files.delete(path));
    }
    const { body, init } = await files.get(path)!;
    return new Response(body, init); // a Response copies the bytes it is given
  };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Tries each backend of the order until one builds the model and passes its built-in check in a
 * warm-up pass (models/self-check.ts); a backend that fails either is left for the next one.
 */
async function init(input: EngineOptions, id: number): Promise<EngineInfo> {
  if (engine && engine.info.modelId === input.modelId) return engine.info;
  const progress = (value: Jobs['init']['progress']) => post({ kind: 'progress', id, progress: value });
  progress({ phase: 'backend' });
  const probes = await probeBackends();
  const exclude = input.exclude ?? [];
  const failed: SkippedBackend[] = [];
  const cache = typeof caches === 'undefined' ? null : await caches.open('gradlens-models-v1').catch(() => null);
  let backend: BackendName = 'wasm';
  const source = memoized(
    progressWeightSource({
      baseUrl: new URL('/models/', self.location.href).href,
      cache,
      onProgress: (p) => progress({ phase: 'weights', backend, ...p }),
    }),
  );
  for (const name of backendOrder(probes, input.backend, exclude, input.softwareAdapters)) {
    backend = name;
    let model: Classifier | null = null;
    try {
      progress({ phase: 'backend', backend: name });
      const precision = await startBackend(name, { threads: input.threads, flags: input.flags });
      // Once the weights are in, the model is built and its warm-up check runs.
      let started = performance.now();
      const onProgress = (p: LoadProgress) => {
        if (p.loadedBytes < p.totalBytes) return;
        started = performance.now();
        progress({ phase: 'warmup', backend: name });
      };
      model = await loadModel(input.modelId, source, { verify: true, onProgress }).catch((error: unknown) => {
        throw new Error(precision ? `${precision}; ${reasonOf(error)}` : reasonOf(error));
      });
      if (precision) throw new Error(precision);
      const threads = name === 'wasm' ? wasmThreads(input.threads) : 1;
      const info: EngineInfo = { modelId: input.modelId, backend: name, probes, skipped: skipReasons(probes, failed, name, exclude), threads, warmupMs: performance.now() - started };
      engine = { model, info };
      watchDeviceLoss(name, (reason) => {
        engine = null;
        post({ kind: 'lost', backend: name, reason });
      });
      return info;
    } catch (error) {
      model?.dispose();
      failed.push({ name, reason: reasonOf(error) });
      leaveBackend(name);
    }
  }
  throw Object.assign(new Error('No TF.js backend could run the model in this browser.'), {
    code: 'engine/no-backend',
    hint: failed.map((s) => `${s.name}: ${s.reason}`).join('; '),
  });
}

async function run(id: number, type: keyof Jobs, input: unknown, control: JobControl): Promise<void> {
  try {
    let output: unknown;
    if (type === 'init') {
      output = await init(input as Jobs['init']['input'], id);
    } else {
      if (!engine) throw Object.assign(new Error('The model is not loaded yet.'), { code: 'model/not-ready' });
      const handler = handlers[type as ModelJobType] as (input: unknown, context: unknown) => Promise<unknown>;
      output = await handler(input, {
        model: engine.model,
        control,
        progress: (progress: unknown) => post({ kind: 'progress', id, progress }),
      });
    }
    post({ kind: 'done', id, output });
  } catch (error) {
    post({ kind: 'failed', id, error: toErrorInfo(control.signal.aborted ? control.signal.reason : error) });
  } finally {
    controls.delete(id);
  }
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.kind === 'run') {
    const control = new JobControl(() => post({ kind: 'paused', id: message.id }));
    // Jobs queue behind each other; a job cancelled while waiting never starts.
    controls.set(message.id, control);
    queue = queue.then(() =>
      control.signal.aborted
        ? (controls.delete(message.id), post({ kind: 'failed', id: message.id, error: { code: 'aborted', message: 'Cancelled.' } }))
        : run(message.id, message.type, message.input, control),
    );
    return;
  }
  const control = controls.get(message.id);
  if (!control) return;
  if (message.kind === 'cancel') control.cancel();
  else if (message.kind === 'pause') control.pause();
  else control.resume();
});

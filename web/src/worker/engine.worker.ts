/**
 * The engine: TF.js, the models and every long computation run here so the page never freezes.
 * One job runs at a time (they share one backend); later ones wait their turn. The first model picks
 * the backend; later models load on demand onto that same backend, and a few stay held (held-models.ts).
 */
import { compareModels } from './compare.ts';
import { watchDeviceLoss } from './device-loss.ts';
import { HeldModels, type HeldModel } from './held-models.ts';
import { handlers, type ModelJobType } from './jobs.ts';
import { JobControl } from './job-control.ts';
import { loadOnBackend } from './load-on-backend.ts';
import { modelSource } from './model-source.ts';
import type { ModelsContext } from './models-context.ts';
import { toErrorInfo, transferablesOf, type EngineInfo, type EngineOptions, type FromWorker, type Jobs, type ModelRequest, type ToWorker } from './protocol.ts';
import { startEngine, type ActiveBackend } from './start-engine.ts';
import { transferJob } from './transfer-job.ts';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;

let backend: ActiveBackend | null = null;
const held = new HeldModels();
/** The model single-model jobs run on: the one the latest `init` asked for. */
let active: { id: string; entry: HeldModel } | null = null;
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

type LoadStep = { phase: 'weights' | 'warmup'; loadedBytes?: number; totalBytes?: number };

/** A model on the engine's backend: held already, or downloaded, built and checked now. */
async function modelOn(request: ModelRequest, progress: (step: LoadStep) => void): Promise<HeldModel> {
  const dtype = request.dtype ?? 'float32';
  const found = held.get(request.modelId, dtype);
  if (found) return found;
  const source = await modelSource(dtype, (p) => progress({ phase: 'weights', ...p }));
  const entry = await loadOnBackend(request, source, () => progress({ phase: 'warmup' }));
  held.add(request.modelId, entry);
  return entry;
}

function engineInfo(on: ActiveBackend, modelId: string, entry: HeldModel): EngineInfo {
  const { name, inputSize, classNames } = entry.model.info;
  return {
    modelId, modelName: name, inputSize, classNames, dtype: entry.dtype,
    backend: on.name, probes: on.probes, skipped: on.skipped, threads: on.threads, warmupMs: entry.warmupMs,
  };
}

/** Makes `input.modelId` the active model; the first call also chooses the backend. */
async function init(input: EngineOptions, id: number): Promise<EngineInfo> {
  const progress = (value: Jobs['init']['progress']) => post({ kind: 'progress', id, progress: value });
  let entry: HeldModel;
  if (backend) {
    const name = backend.name;
    entry = await modelOn(input, (step) => progress({ ...step, backend: name }));
  } else {
    const started = await startEngine(input, progress);
    ({ backend } = started);
    entry = started.held;
    held.add(input.modelId, entry);
    const lost = backend.name;
    watchDeviceLoss(lost, (reason) => {
      backend = null;
      active = null;
      held.forget();
      post({ kind: 'lost', backend: lost, reason });
    });
  }
  active = { id: input.modelId, entry };
  held.trim(new Set([input.modelId]));
  return engineInfo(backend, input.modelId, entry);
}

/** Jobs over several models (compare, transfer), which load what they need on the engine's backend. */
async function runOnModels(type: 'compare' | 'transfer', input: unknown, id: number): Promise<unknown> {
  if (!backend || !active) throw Object.assign(new Error('The model is not loaded yet.'), { code: 'model/not-ready' });
  const used = new Set([active.id]);
  const context: ModelsContext = {
    heldDtype: (modelId) => held.dtypeOf(modelId),
    progress: (progress) => post({ kind: 'progress', id, progress }),
    modelFor: async (request) => {
      used.add(request.modelId);
      const entry = await modelOn(request, (step) => context.progress({ modelId: request.modelId, ...step }));
      return entry.model;
    },
  };
  try {
    return type === 'compare' ? await compareModels(input as Jobs['compare']['input'], context) : await transferJob(input as Jobs['transfer']['input'], context);
  } finally {
    held.trim(used);
  }
}

async function run(id: number, type: keyof Jobs, input: unknown, control: JobControl): Promise<void> {
  try {
    let output: unknown;
    if (type === 'init') {
      output = await init(input as Jobs['init']['input'], id);
    } else if (type === 'compare' || type === 'transfer') {
      output = await runOnModels(type, input, id);
    } else {
      if (!active) throw Object.assign(new Error('The model is not loaded yet.'), { code: 'model/not-ready' });
      const handler = handlers[type as ModelJobType] as (input: unknown, context: unknown) => Promise<unknown>;
      output = await handler(input, {
        model: active.entry.model,
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

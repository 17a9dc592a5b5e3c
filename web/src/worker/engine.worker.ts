/**
 * The engine: TF.js, the model and every long computation run here so the page never freezes.
 * One job runs at a time (they share one backend); later ones wait their turn.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { loadModel } from '../../../models/load-model.ts';
import type { Classifier } from '../../../core/model.ts';
import { activateBackend } from './activate.ts';
import { handlers, type ModelJobType } from './jobs.ts';
import { JobControl } from './job-control.ts';
import { toErrorInfo, transferablesOf, type EngineInfo, type FromWorker, type Jobs, type ToWorker } from './protocol.ts';
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

async function init(input: Jobs['init']['input'], id: number): Promise<EngineInfo> {
  if (engine && engine.info.modelId === input.modelId) return engine.info;
  const progress = (value: Jobs['init']['progress']) => post({ kind: 'progress', id, progress: value });
  progress({ phase: 'backend' });
  const activated = await activateBackend(input.backend);
  progress({ phase: 'weights', backend: activated.backend, loadedBytes: 0, totalBytes: 0 });
  const cache = typeof caches === 'undefined' ? null : await caches.open('gradlens-models-v1').catch(() => null);
  const source = progressWeightSource({
    baseUrl: new URL('/models/', self.location.href).href,
    cache,
    onProgress: (p) => progress({ phase: 'weights', backend: activated.backend, ...p }),
  });
  const model = await loadModel(input.modelId, source);
  progress({ phase: 'warmup', backend: activated.backend });
  const info: EngineInfo = { modelId: input.modelId, ...activated };
  engine = { model, info };
  return info;
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
    const control = new JobControl();
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

/** Starting the engine worker, loading the chosen model (once per model), and switching backends on request. */
import { EngineClient, type Job } from '../worker/client.ts';
import { createEngineWorker } from '../worker/create-engine-worker.ts';
import { backendLabel, type BackendChoice, type BackendName } from '../worker/backends.ts';
import type { EngineInfo, JobType, Jobs } from '../worker/protocol.ts';
import { appStore, patch } from './app.ts';
import { toUserMessage } from './messages.ts';
import { loadModelOptions } from './model-list.ts';
import { choiceSettled } from './model-settled.ts';

/** Backends that lost their device in this page: never tried again until the page reloads. */
const excluded: BackendName[] = [];

export const engine = new EngineClient(createEngineWorker, (backend, reason) => {
  excluded.push(backend);
  ready = null;
  patch('engine', { info: null, notice: { code: 'engine/lost', message: `${backendLabel(backend)} stopped: ${reason}.`, hint: 'The engine restarted on the next backend; run the job again.' } });
  void ensureEngine().catch(() => undefined);
});

/** The init of the chosen model and weight variant (`id:dtype`); a new choice makes a new one. */
let ready: { key: string; promise: Promise<EngineInfo> } | null = null;
let generation = 0;

/**
 * Resolves once the chosen model is loaded; starts the worker on first call. Another model is loaded
 * by the same worker on the same backend (the backend choice stays).
 */
export async function ensureEngine(): Promise<EngineInfo> {
  // The picker's list first: the header has its final shape by the time the engine is ready.
  await Promise.all([choiceSettled(), loadModelOptions()]);
  return engineForChoice();
}

function engineForChoice(): Promise<EngineInfo> {
  const { engine: { choice }, model } = appStore.get();
  const key = `${model.id}:${model.dtype}`;
  if (ready?.key === key) return ready.promise;
  const mine = ++generation;
  const current = () => mine === generation;
  patch('engine', { status: 'starting', progress: { phase: 'backend' }, error: null });
  const job = engine.run('init', { modelId: model.id, dtype: model.dtype, backend: choice, exclude: [...excluded] }, (progress) => current() && patch('engine', { progress }));
  const promise = job.result.then(
    (info) => {
      if (current()) patch('engine', { status: 'ready', info, progress: null });
      return info;
    },
    (error) => {
      if (current()) {
        ready = null;
        patch('engine', { status: 'error', error: toUserMessage(error), progress: null });
      }
      throw error;
    },
  );
  ready = { key, promise };
  return promise;
}

/** Forcing a backend restarts the worker: tensors cannot move between backends. */
export function chooseBackend(choice: BackendChoice): Promise<EngineInfo> {
  patch('engine', { choice, info: null, notice: null });
  if (engine.started) engine.restart('Switching backend.');
  ready = null;
  return ensureEngine();
}

/** Runs a job once the model is ready; a crashed worker is restarted on the next call. */
export async function runJob<T extends Exclude<JobType, 'init'>>(
  type: T,
  input: Jobs[T]['input'],
  onProgress?: (progress: Jobs[T]['progress']) => void,
  onStart?: (job: Job<T>) => void,
): Promise<Jobs[T]['output']> {
  await ensureEngine();
  const job = engine.run(type, input, onProgress);
  onStart?.(job);
  try {
    return await job.result;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'engine/crashed' || code === 'model/not-ready') {
      ready = null;
      patch('engine', { status: 'error', info: null, error: toUserMessage(error) });
    }
    throw error;
  }
}

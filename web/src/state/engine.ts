/** Starting the engine worker, loading the model once, and switching backends on request. */
import { EngineClient, type Job } from '../worker/client.ts';
import { createEngineWorker } from '../worker/create-engine-worker.ts';
import { backendLabel, type BackendChoice, type BackendName } from '../worker/backends.ts';
import type { EngineInfo, JobType, Jobs } from '../worker/protocol.ts';
import { appStore, patch } from './app.ts';
import { toUserMessage } from './messages.ts';

export const MODEL_ID = 'squeezenet1_1';

/** Backends that lost their device in this page: never tried again until the page reloads. */
const excluded: BackendName[] = [];

export const engine = new EngineClient(createEngineWorker, (backend, reason) => {
  excluded.push(backend);
  ready = null;
  patch('engine', { info: null, notice: { code: 'engine/lost', message: `${backendLabel(backend)} stopped: ${reason}.`, hint: 'The engine restarted on the next backend; run the job again.' } });
  void ensureEngine().catch(() => undefined);
});

let ready: Promise<EngineInfo> | null = null;
let generation = 0;

/** Resolves once the model is loaded; starts the worker on first call. */
export function ensureEngine(): Promise<EngineInfo> {
  if (ready) return ready;
  const { choice } = appStore.get().engine;
  const mine = ++generation;
  const current = () => mine === generation;
  patch('engine', { status: 'starting', progress: { phase: 'backend' }, error: null });
  const job = engine.run('init', { modelId: MODEL_ID, backend: choice, exclude: [...excluded] }, (progress) => current() && patch('engine', { progress }));
  ready = job.result.then(
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
  return ready;
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

import type { WorkerLike } from './client.ts';

/** The engine worker, as a module worker (Vite bundles it from this URL, with its lazily loaded backends). */
export const createEngineWorker = (): WorkerLike =>
  new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'gradlens-engine' }) as unknown as WorkerLike;

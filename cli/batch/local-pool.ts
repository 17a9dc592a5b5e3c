import { Worker } from 'node:worker_threads';
import { GradlensError, type ErrorCode } from '../../core/errors.ts';
import type { CommandContext, ImageCommand } from '../command.ts';
import { forEachConcurrently } from './for-each-concurrently.ts';
import type { BatchTask } from './local-image.ts';
import { errorLine, type SummaryLine } from './summary-line.ts';

/** What every worker thread is started with (its `workerData`). */
export interface WorkerSetup {
  command: ImageCommand['name'];
  /** The command's flags, defaults filled in. */
  values: CommandContext['values'];
  outDir: string;
}

/** Worker → main thread. Main → worker: one BatchTask at a time. */
type WorkerMessage = { kind: 'ready' } | { kind: 'done'; line: SummaryLine } | { kind: 'fatal'; error: { message: string; code?: string; hint?: string } };

/** A worker's setup failure as the main thread rethrows it: a GradlensError keeps its code (exit status 2). */
function fatalError({ message, code, hint }: { message: string; code?: string; hint?: string }): Error {
  return code ? new GradlensError(code as ErrorCode, message, hint) : new Error(message);
}

/** One worker thread doing one image at a time; `ready` settles once its model is loaded or cannot be. */
function startWorker(setup: WorkerSetup) {
  const worker = new Worker(new URL('./local-worker.mjs', import.meta.url), { workerData: setup });
  let pending: { resolve(line: SummaryLine): void; reject(error: Error): void } | null = null;
  let stopped: Error | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    const stop = (error: Error) => {
      stopped ??= error;
      reject(error);
      pending?.reject(error);
      pending = null;
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'ready') return resolve();
      if (message.kind === 'fatal') return stop(fatalError(message.error));
      const done = pending;
      pending = null;
      done?.resolve(message.line);
    });
    worker.on('error', stop);
    worker.on('exit', (code) => stop(Object.assign(new Error(`The worker thread stopped (exit code ${code}).`), { code: 'worker/stopped' })));
  });
  return {
    ready,
    run(task: BatchTask): Promise<SummaryLine> {
      if (stopped) return Promise.reject(stopped);
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(task);
      });
    },
    stop: () => worker.terminate(),
  };
}

/**
 * A local batch: `jobs` worker threads, each with its own TF.js engine and model, take the images in
 * turn. A model that cannot load stops the batch (thrown); a thread that dies costs its image only.
 */
export async function runLocalBatch(setup: WorkerSetup, tasks: readonly BatchTask[], jobs: number, onLine: (line: SummaryLine) => void): Promise<void> {
  if (tasks.length === 0) return;
  const workers = Array.from({ length: Math.min(jobs, tasks.length) }, () => startWorker(setup));
  try {
    await Promise.all(workers.map((w) => w.ready));
    await forEachConcurrently(tasks, workers.length, async (task, slot) => {
      const started = performance.now();
      try {
        onLine(await workers[slot].run(task));
      } catch (error) {
        onLine(errorLine(task.image, error, started));
        workers[slot] = startWorker(setup);
        await workers[slot].ready;
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

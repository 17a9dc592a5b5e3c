/**
 * The page's handle on the engine worker: typed jobs with progress, cancel, pause and resume.
 * The worker is created on first use (TF.js and the weights load only then) and replaced when the
 * user forces another backend, because tensors cannot move between backends.
 */
import type { BackendName } from './backends.ts';
import type { FromWorker, JobType, Jobs, ToWorker, ErrorInfo } from './protocol.ts';

/** The part of `Worker` the client uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export class JobError extends Error implements ErrorInfo {
  readonly code: string;
  readonly hint?: string;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'JobError';
    this.code = info.code;
    this.hint = info.hint;
  }
}

export interface Job<T extends JobType> {
  readonly id: number;
  readonly result: Promise<Jobs[T]['output']>;
  cancel(): void;
  /** Resolves once the worker has parked the job (or the job has ended): no step lands after that. */
  pause(): Promise<void>;
  resume(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: JobError): void;
  onProgress?: (progress: unknown) => void;
  /** Waiting for the worker to say the job is parked. */
  parked: (() => void)[];
}

export class EngineClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /**
   * `onLost` hears that the GPU backend lost its device: the worker is ended and its jobs fail with
   * `engine/lost`; the next `run` starts a fresh worker (which should exclude that backend).
   */
  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly onLost?: (backend: BackendName, reason: string) => void,
  ) {}

  run<T extends JobType>(
    type: T,
    input: Jobs[T]['input'],
    onProgress?: (progress: Jobs[T]['progress']) => void,
  ): Job<T> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const result = new Promise<Jobs[T]['output']>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress: onProgress as ((progress: unknown) => void) | undefined,
        parked: [],
      });
    });
    // Inputs are copied, not transferred: the page keeps showing the image it sent.
    worker.postMessage({ kind: 'run', id, type, input });
    const control = (kind: 'cancel' | 'pause' | 'resume') => () => {
      if (this.pending.has(id)) this.worker?.postMessage({ kind, id });
    };
    const pause = () => {
      const pending = this.pending.get(id);
      if (!pending) return Promise.resolve();
      const parked = new Promise<void>((resolve) => pending.parked.push(resolve));
      control('pause')();
      return parked;
    };
    return { id, result, cancel: control('cancel'), pause, resume: control('resume') };
  }

  /** Ends the worker and fails every running job; the next `run` starts a fresh one. */
  restart(reason = 'The engine was restarted.'): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll({ code: 'aborted', message: reason });
  }

  get started(): boolean {
    return this.worker !== null;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.receive(event.data));
    worker.addEventListener('error', (event: ErrorEvent) => {
      this.failAll({
        code: 'engine/crashed',
        message: `The engine stopped: ${event.message || 'unknown error'}.`,
        hint: 'Reload the page; if it happens again, force the WebAssembly backend.',
      });
      this.worker?.terminate();
      this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'lost') {
      this.worker?.terminate();
      this.worker = null;
      this.failAll({ code: 'engine/lost', message: `The engine stopped: ${message.reason}.`, hint: 'It restarts on the next backend.' });
      this.onLost?.(message.backend, message.reason);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    const parked = pending.parked.splice(0);
    for (const resolve of parked) resolve();
    if (message.kind === 'paused') return;
    this.pending.delete(message.id);
    if (message.kind === 'done') pending.resolve(message.output);
    else pending.reject(new JobError(message.error));
  }

  private failAll(error: ErrorInfo): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) {
      for (const resolve of job.parked.splice(0)) resolve();
      job.reject(new JobError(error));
    }
  }
}

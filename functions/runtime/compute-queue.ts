/**
 * Model work runs one computation at a time per isolate. The WASM backend is single-threaded, so this
 * costs no throughput, and it keeps the heap peak that of one computation: without it, two requests
 * interleaving at their awaits would hold their tensors at the same time.
 *
 * The queue behind the running computation is short: a request that would wait behind more than
 * `maxWaiting` others is answered 503 with Retry-After at once, and one whose client goes away while it
 * waits leaves the queue without running. Requests that compute nothing never enter it.
 *
 * A waiting request polls for its turn on its own timer instead of being woken by the one before it:
 * workerd cancels a request, as hung, whose only way forward is a promise resolved by another
 * request, and work started from another request's callback would run in that request's context.
 */
import { GradlensError } from '../../core/errors.ts';
import { ProblemError } from '../http/problem.ts';

/** How often a waiting computation looks whether its turn has come. */
const POLL_MS = 5;

const waiting: object[] = [];
let running = false;
/** Moving average of recent computations' durations, for Retry-After; a SqueezeNet saliency map to start. */
let typicalMs = 500;

function cancelled(): GradlensError {
  return new GradlensError('aborted', 'The computation was cancelled before it started: its caller has gone.');
}

function busy(ahead: number): ProblemError {
  const retryAfterS = Math.max(1, Math.ceil(((ahead + 1) * typicalMs) / 1000));
  return new ProblemError(503, `The server is busy: ${ahead} computations are already waiting here.`, {
    hint: `Retry after ${retryAfterS} s (the Retry-After header).`,
    headers: { 'Retry-After': String(retryAfterS) },
  });
}

/** Computations running or waiting in this isolate. */
export function queueDepth(): number {
  return waiting.length + (running ? 1 : 0);
}

async function waitForTurn(ticket: object, signal: AbortSignal | undefined): Promise<void> {
  waiting.push(ticket);
  try {
    while (running || waiting[0] !== ticket) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (signal?.aborted) throw cancelled();
    }
  } finally {
    waiting.splice(waiting.indexOf(ticket), 1);
  }
}

/**
 * Runs `work` when the computations ahead of it are done, in arrival order; refuses at once when
 * `maxWaiting` already wait. Rejects with GradlensError 'aborted' when `signal` fires before the work
 * starts; once it runs, the work itself watches the signal (core/run/checkpoint.ts).
 */
export async function inComputeQueue<T>(work: () => Promise<T>, { maxWaiting, signal }: { maxWaiting: number; signal?: AbortSignal }): Promise<T> {
  if (signal?.aborted) throw cancelled();
  if (running || waiting.length > 0) {
    if (waiting.length >= maxWaiting) throw busy(waiting.length);
    await waitForTurn({}, signal);
  }
  running = true;
  const began = performance.now();
  try {
    return await work();
  } finally {
    running = false;
    typicalMs = 0.8 * typicalMs + 0.2 * (performance.now() - began);
  }
}

import { GradlensError } from '../errors.ts';

/**
 * A point between the passes of long work (SmoothGrad samples, Integrated Gradients steps) where it
 * stops if its caller has gone, and now and then lets the event loop run. A single-threaded runtime
 * (a Worker isolate, a browser worker on WebAssembly) otherwise serves nothing else until the work ends,
 * and never even learns that the caller went away.
 */
export type Checkpoint = () => Promise<void>;

/** Work that nobody can cancel and that need not share its thread. */
export const noCheckpoint: Checkpoint = async () => {};

/** Longest stretch of work between two yields to the event loop. */
const YIELD_EVERY_MS = 20;

/** A macrotask boundary: timers, I/O and abort events queued meanwhile run before the work goes on. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new GradlensError('aborted', 'The computation was cancelled: its caller has gone.');
}

/**
 * A checkpoint for work cancelled by `signal`. Passes on the GPU are queued faster than they run, so
 * yielding only once `YIELD_EVERY_MS` have passed keeps the cost near zero there and on fast passes.
 *
 * @example
 * const check = checkpoint(request.signal);
 * for (const step of steps) { await check(); run(step); }
 */
export function checkpoint(signal?: AbortSignal): Checkpoint {
  let lastYield = performance.now();
  return async () => {
    throwIfAborted(signal);
    if (performance.now() - lastYield < YIELD_EVERY_MS) return;
    await yieldToEventLoop();
    lastYield = performance.now();
    throwIfAborted(signal);
  };
}

/**
 * Runs model work one request at a time per isolate. The WASM backend is single-threaded, so this
 * costs no throughput, and it keeps the heap peak that of one request: without it, two requests
 * interleaving at their awaits would hold their tensors at the same time.
 */
let tail: Promise<unknown> = Promise.resolve();

export function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}

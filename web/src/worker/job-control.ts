/**
 * Cancel and pause for one running job. Long loops in the core call back between steps; awaiting
 * `checkpoint()` there lets the worker read control messages (a macrotask) and parks the job while paused.
 */
export class JobControl {
  readonly abort = new AbortController();
  private paused = false;
  private wake: (() => void) | null = null;

  /** `onPark` hears each time the job actually stops at a checkpoint: from then on no step runs until resume. */
  constructor(private readonly onPark?: () => void) {}

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
    this.wake = null;
  }

  cancel(): void {
    this.abort.abort(Object.assign(new Error('Cancelled.'), { code: 'aborted', name: 'AbortError' }));
    this.resume();
  }

  /** Yields to the event loop, waits while paused, throws once cancelled. */
  async checkpoint(): Promise<void> {
    await yieldToEventLoop();
    if (this.paused && !this.signal.aborted) this.onPark?.();
    while (this.paused && !this.signal.aborted) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.signal.aborted) throw this.signal.reason;
  }
}

/** A macrotask boundary: microtasks (awaited tensor reads) never let a `message` event in. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

import { describe, expect, it } from 'vitest';
import { EngineClient, JobError, type WorkerLike } from '../../web/src/worker/client.ts';
import type { FromWorker, ToWorker } from '../../web/src/worker/protocol.ts';

/** A worker double: records what the page sends, lets the test answer. */
class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  private listeners: { message: ((e: MessageEvent<FromWorker>) => void)[]; error: ((e: ErrorEvent) => void)[] } = { message: [], error: [] };
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  addEventListener(type: 'message' | 'error', listener: never): void {
    this.listeners[type].push(listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    for (const l of this.listeners.message) l({ data: message } as MessageEvent<FromWorker>);
  }
  crash(message: string): void {
    for (const l of this.listeners.error) l({ message } as ErrorEvent);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const lost: [string, string][] = [];
  const client = new EngineClient(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    (backend, reason) => lost.push([backend, reason]),
  );
  return { client, workers, lost };
}

describe('EngineClient', () => {
  it('starts the worker lazily and resolves a job with its output', async () => {
    const { client, workers } = setup();
    expect(workers).toHaveLength(0);
    const job = client.run('predict', { image: { width: 1, height: 1, data: new Uint8Array(3) }, topK: 1 });
    expect(workers).toHaveLength(1);
    expect(workers[0].sent[0]).toMatchObject({ kind: 'run', id: job.id, type: 'predict' });
    workers[0].reply({ kind: 'done', id: job.id, output: [{ index: 958, name: 'hay', probability: 0.9, score: 22 }] });
    await expect(job.result).resolves.toEqual([{ index: 958, name: 'hay', probability: 0.9, score: 22 }]);
  });

  it('streams progress to the job that asked, and sends control messages', async () => {
    const { client, workers } = setup();
    const steps: number[] = [];
    const job = client.run('classviz', { class: 76 }, (p) => steps.push(p.step));
    const other = client.run('classviz', { class: 1 });
    workers[0].reply({ kind: 'progress', id: job.id, progress: { step: 1, total: 10 } });
    workers[0].reply({ kind: 'progress', id: other.id, progress: { step: 5, total: 10 } });
    workers[0].reply({ kind: 'progress', id: job.id, progress: { step: 2, total: 10 } });
    job.pause();
    job.resume();
    job.cancel();
    expect(steps).toEqual([1, 2]);
    expect(workers[0].sent.slice(2)).toEqual([
      { kind: 'pause', id: job.id },
      { kind: 'resume', id: job.id },
      { kind: 'cancel', id: job.id },
    ]);
    workers[0].reply({ kind: 'failed', id: job.id, error: { code: 'aborted', message: 'Cancelled.' } });
    await expect(job.result).rejects.toMatchObject({ code: 'aborted' });
    job.cancel(); // after the end: nothing more is sent
    expect(workers[0].sent).toHaveLength(5);
  });

  it('resolves pause once the worker says the job is parked, and not before', async () => {
    const { client, workers } = setup();
    const job = client.run('classviz', { class: 76 });
    let parked = false;
    const pausing = job.pause().then(() => (parked = true));
    await Promise.resolve();
    expect(parked).toBe(false);
    workers[0].reply({ kind: 'paused', id: job.id });
    await pausing;
    expect(parked).toBe(true);
    // The job goes on after a park: its result still arrives.
    workers[0].reply({ kind: 'done', id: job.id, output: { steps: 3 } });
    await expect(job.result).resolves.toEqual({ steps: 3 });
    // A job that has ended has nothing to park.
    await expect(job.pause()).resolves.toBeUndefined();
  });

  it('turns worker errors into JobErrors with code and hint', async () => {
    const { client, workers } = setup();
    const job = client.run('saliency', { image: { width: 1, height: 1, data: new Uint8Array(3) }, options: {} });
    workers[0].reply({ kind: 'failed', id: job.id, error: { code: 'class/unknown', message: 'No class “foo”.', hint: 'Search the list.' } });
    const error = await job.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobError);
    expect(error).toMatchObject({ code: 'class/unknown', message: 'No class “foo”.', hint: 'Search the list.' });
  });

  it('fails running jobs when the worker crashes, and starts a new worker next time', async () => {
    const { client, workers } = setup();
    const job = client.run('init', { modelId: 'squeezenet1_1', backend: 'auto' });
    workers[0].crash('out of memory');
    await expect(job.result).rejects.toMatchObject({ code: 'engine/crashed' });
    expect(workers[0].terminated).toBe(true);
    client.run('init', { modelId: 'squeezenet1_1', backend: 'wasm' });
    expect(workers).toHaveLength(2);
  });

  it('restart ends the worker and rejects pending jobs', async () => {
    const { client, workers } = setup();
    const job = client.run('init', { modelId: 'squeezenet1_1', backend: 'auto' });
    client.restart('Switching backend.');
    await expect(job.result).rejects.toMatchObject({ code: 'aborted', message: 'Switching backend.' });
    expect(workers[0].terminated).toBe(true);
    expect(client.started).toBe(false);
  });

  it('on a lost GPU device: ends the worker, fails its jobs with engine/lost, tells the page, and starts afresh next time', async () => {
    const { client, workers, lost } = setup();
    const job = client.run('classviz', { class: 76 });
    workers[0].reply({ kind: 'lost', backend: 'webgl', reason: 'the WebGL context was lost' });
    await expect(job.result).rejects.toMatchObject({ code: 'engine/lost', message: 'The engine stopped: the WebGL context was lost.' });
    expect(workers[0].terminated).toBe(true);
    expect(lost).toEqual([['webgl', 'the WebGL context was lost']]);
    client.run('init', { modelId: 'squeezenet1_1', backend: 'auto', exclude: ['webgl'] });
    expect(workers).toHaveLength(2);
  });
});

import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../functions/http/problem.ts';
import { inComputeQueue, queueDepth } from '../../functions/runtime/compute-queue.ts';
import { getClassifier } from '../../functions/runtime/models.ts';

describe('model loading', () => {
  it('concurrent first requests in a fresh isolate share one load: exactly one manifest and one weight-file fetch', async () => {
    const fetched: string[] = [];
    const counting = {
      fetch: (request: Request) => {
        fetched.push(new URL(request.url).pathname);
        return env.ASSETS.fetch(request);
      },
    } as unknown as Fetcher;
    const models = await Promise.all([1, 2, 3, 4].map(() => getClassifier('squeezenet1_1', counting)));
    expect(new Set(models).size).toBe(1);
    // This file's isolate has loaded nothing before this test (its module state is its own).
    expect(fetched.sort()).toEqual(['/models/squeezenet1_1/float32-000.bin', '/models/squeezenet1_1/manifest.json']);
    expect(await getClassifier('squeezenet1_1', counting)).toBe(models[0]);
  });
});

describe('the compute queue', () => {
  /** A task that logs its start and end and takes a few milliseconds of waiting. */
  const task = (log: string[], name: string, fail = false) => async () => {
    log.push(`${name} start`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push(`${name} end`);
    if (fail) throw new Error(name);
    return name;
  };

  it('runs model work one computation at a time, in arrival order, and survives failures', async () => {
    const log: string[] = [];
    const queued = (name: string, fail = false) => inComputeQueue(task(log, name, fail), { maxWaiting: 4 });
    const results = await Promise.allSettled([queued('a'), queued('b', true), queued('c')]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(queueDepth()).toBe(0);
  });

  it('answers 503 with Retry-After, at once, when more than maxWaiting would wait', async () => {
    const log: string[] = [];
    const results = await Promise.allSettled(['a', 'b', 'c', 'd'].map((name) => inComputeQueue(task(log, name), { maxWaiting: 2 })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    const refused = (results[3] as PromiseRejectedResult).reason;
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(log).not.toContain('d start');
  });

  it('drops a waiting computation whose caller has gone: it never starts, the next one does', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const first = inComputeQueue(task(log, 'a'), { maxWaiting: 4 });
    const gone = inComputeQueue(task(log, 'b'), { maxWaiting: 4, signal: controller.signal });
    const third = inComputeQueue(task(log, 'c'), { maxWaiting: 4 });
    controller.abort();
    await expect(gone).rejects.toMatchObject({ code: 'aborted' });
    await Promise.all([first, third]);
    expect(log).toEqual(['a start', 'a end', 'c start', 'c end']);
    await expect(inComputeQueue(task(log, 'd'), { maxWaiting: 4, signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
});

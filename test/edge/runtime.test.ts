import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { exclusive } from '../../functions/runtime/exclusive.ts';
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

describe('exclusive', () => {
  it('runs model work one request at a time, in arrival order, and survives failures', async () => {
    const log: string[] = [];
    const task = (name: string, fail = false) => async () => {
      log.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([exclusive(task('a')), exclusive(task('b', true)), exclusive(task('c'))]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

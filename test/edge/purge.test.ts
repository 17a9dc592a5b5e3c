/**
 * Expired results go: by the Cron Trigger's `scheduled` handler in batches, and a few after each
 * compute request; a computation and its R2 files go with its last result, never before.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker, { app } from '../../functions/index.ts';
import { purgeExpired } from '../../functions/storage/purge.ts';
import { ORIGIN, bytesOf, expectProblem, fetchApi, postImage, reference } from './helpers.ts';
import { ageResult, artifactKeys, computationExists, computationOf, urlsOf } from './storage-helpers.ts';

interface Doc {
  id: string;
  inputUrl: string;
  cardUrl: string;
}

/** Past the 30-day TTL. */
const EXPIRED_MS = 31 * 86_400_000;

async function predict(image: string, fields: Record<string, string>, fresh = false): Promise<Doc> {
  const response = await postImage('/api/v1/predict', reference(image), fields, fresh ? { 'Cache-Control': 'no-cache' } : {});
  expect(response.status).toBe(201);
  return (await response.json()) as Doc;
}

async function runCron(): Promise<void> {
  const controller = createScheduledController({ scheduledTime: Date.now(), cron: '17 * * * *' });
  await worker.scheduled(controller, env);
}

describe('purge of expired results', () => {
  it('the scheduled handler removes an expired result and its orphaned computation, but not a live sibling’s', async () => {
    const expiredSibling = await predict('10_stole.png', { topK: '3' }, true);
    const liveSibling = await predict('10_stole.png', { topK: '3' });
    const alone = await predict('11_lakeside.png', { topK: '3' }, true);
    const shared = (await computationOf(liveSibling.id))!;
    expect((await computationOf(expiredSibling.id))?.id).toBe(shared.id);
    const lonely = (await computationOf(alone.id))!;
    const sharedKeys = await artifactKeys(shared.artifactPrefix);
    expect(sharedKeys.length).toBeGreaterThan(0);
    expect((await artifactKeys(lonely.artifactPrefix)).length).toBeGreaterThan(0);
    await ageResult(expiredSibling.id, EXPIRED_MS);
    await ageResult(alone.id, EXPIRED_MS);

    await runCron();

    for (const gone of [expiredSibling, alone]) {
      expect(await computationOf(gone.id)).toBeUndefined();
      await expectProblem(await fetchApi(`/api/v1/results/${gone.id}`), 404);
    }
    expect(await computationExists(lonely.id)).toBe(false);
    expect(await artifactKeys(lonely.artifactPrefix)).toEqual([]);

    expect(await computationExists(shared.id)).toBe(true);
    expect(await artifactKeys(shared.artifactPrefix)).toEqual(sharedKeys);
    expect((await fetchApi(`/api/v1/results/${liveSibling.id}`)).status).toBe(200);
    for (const url of urlsOf(liveSibling)) expect(url.startsWith(ORIGIN)).toBe(true);
    await bytesOf(liveSibling.inputUrl);
    await bytesOf(liveSibling.cardUrl);
  });

  it('a compute request purges a few expired results as well', async () => {
    const old = await predict('03_border_terrier.png', { topK: '4' }, true);
    const computation = (await computationOf(old.id))!;
    await ageResult(old.id, EXPIRED_MS);

    const ctx = createExecutionContext();
    const request = new Request(`${ORIGIN}/api/v1/predict?topK=4`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-cache', 'CF-Connecting-IP': crypto.randomUUID() },
      body: reference('01_quail.png') as BodyInit,
    });
    expect((await app.fetch(request, env, ctx)).status).toBe(201);
    await waitOnExecutionContext(ctx);

    expect(await computationOf(old.id)).toBeUndefined();
    expect(await artifactKeys(computation.artifactPrefix)).toEqual([]);
  });

  it('works in bounded batches, and keeps a computation until its last result has gone', async () => {
    const docs = [await predict('00_hay.png', { topK: '7' }, true)];
    for (let i = 0; i < 4; i++) docs.push(await predict('00_hay.png', { topK: '7' }));
    const computation = (await computationOf(docs[0].id))!;
    for (const doc of docs) expect((await computationOf(doc.id))?.id).toBe(computation.id);
    for (const doc of docs) await ageResult(doc.id, EXPIRED_MS);

    // Two batches of two: four results go, the fifth still holds the computation.
    expect(await purgeExpired(env.DB, env.ARTIFACTS, Date.now(), { batchSize: 2, batches: 2 })).toEqual({ results: 4, computations: 0 });
    expect(await computationExists(computation.id)).toBe(true);
    expect((await artifactKeys(computation.artifactPrefix)).length).toBeGreaterThan(0);

    expect(await purgeExpired(env.DB, env.ARTIFACTS, Date.now(), { batchSize: 2, batches: 2 })).toEqual({ results: 1, computations: 1 });
    expect(await computationExists(computation.id)).toBe(false);
    expect(await artifactKeys(computation.artifactPrefix)).toEqual([]);
  });
});

/**
 * Migration 0002 carries results stored under 0001 over: each becomes a computation of its own whose
 * files stay under results/<id>/, and the upgraded Worker serves, shares and deletes them.
 *
 * setup.ts applies every migration before a file runs. Each test file has storage of its own (one
 * Miniflare per file), so this file drops the tables, applies 0001 alone, stores a legacy result
 * the way the 0001 Worker did, and then applies 0002.
 */
import { SELF, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../functions/storage/ids.ts';
import { ORIGIN, bytesOf, expectProblem, fetchApi } from './helpers.ts';
import { artifactKeys, computationExists, computationOf } from './storage-helpers.ts';

const LEGACY_ID = 'LegacyResult0000000001';
const OTHER_ID = 'LegacyResult0000000002';
const TOKEN = 'legacy-delete-token';
const DAY_MS = 86_400_000;

/** A saliency document as the 0001 Worker stored it: every URL with the result's id in it. */
function legacyDocument(id: string, createdAt: number): Record<string, unknown> {
  const file = (name: string) => `/api/v1/results/${id}/files/${name}`;
  return {
    id,
    kind: 'saliency',
    model: 'squeezenet1_1',
    class: { index: 296, name: 'ice bear' },
    predictions: [{ index: 296, name: 'ice bear', probability: 0.9, score: 12 }],
    maps: [{ class: { index: 296, name: 'ice bear' }, heatmapUrl: file('maps/0/heatmap.png'), overlayUrl: file('maps/0/overlay.png'), rawUrl: file('maps/0/raw.npy') }],
    parameters: { method: 'vanilla', model: 'squeezenet1_1' },
    inputUrl: file('input.png'),
    resultUrl: `/api/v1/results/${id}`,
    shareUrl: `/r/${id}`,
    createdAt: new Date(createdAt).toISOString(),
    expiresAt: new Date(createdAt + 30 * DAY_MS).toISOString(),
    timingMs: 42,
  };
}

const FILES = ['input.png', 'maps/0/heatmap.png', 'maps/0/overlay.png', 'maps/0/raw.npy'];

async function storeLegacy(id: string, createdAt: number): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO results (id, kind, model, cache_key, document, delete_token_sha256, created_at, expires_at)
     VALUES (?1, 'saliency', 'squeezenet1_1', ?2, ?3, ?4, ?5, ?6)`,
  )
    .bind(id, `cache-key-of-${id}`, JSON.stringify(legacyDocument(id, createdAt)), await sha256Hex(TOKEN), createdAt, createdAt + 30 * DAY_MS)
    .run();
  for (const name of FILES) await env.ARTIFACTS.put(`results/${id}/${name}`, `${id}:${name}`);
}

async function runMigration(name: string): Promise<void> {
  const migration = env.TEST_MIGRATIONS.find((m) => m.name === name);
  if (!migration) throw new Error(`no migration ${name}`);
  await env.DB.batch(migration.queries.map((query) => env.DB.prepare(query)));
}

const createdAt = Date.now() - DAY_MS;

beforeAll(async () => {
  await env.DB.batch(['DROP TABLE results', 'DROP TABLE computations'].map((sql) => env.DB.prepare(sql)));
  await runMigration('0001_results.sql');
  await storeLegacy(LEGACY_ID, createdAt);
  await storeLegacy(OTHER_ID, createdAt);
  await runMigration('0002_computations.sql');
});

describe('migration 0002', () => {
  it('serves a legacy result as before: the same document, files, share page', async () => {
    const response = await fetchApi(`/api/v1/results/${LEGACY_ID}`);
    expect(response.status).toBe(200);
    const absolute = JSON.parse(JSON.stringify(legacyDocument(LEGACY_ID, createdAt)).replaceAll('"/', `"${ORIGIN}/`));
    expect(await response.json()).toEqual(absolute);
    expect(await computationOf(LEGACY_ID)).toEqual({ id: LEGACY_ID, artifactPrefix: `results/${LEGACY_ID}/` });
    for (const name of FILES) {
      expect(new TextDecoder().decode(await bytesOf(`${ORIGIN}/api/v1/results/${LEGACY_ID}/files/${name}`))).toBe(`${LEGACY_ID}:${name}`);
    }
    const share = await SELF.fetch(`${ORIGIN}/r/${LEGACY_ID}`);
    expect(share.status).toBe(200);
    expect(await share.text()).toContain(`<meta property="og:url" content="${ORIGIN}/r/${LEGACY_ID}">`);
  });

  it('lets a new result share a legacy computation under its own URLs, and keeps it when the legacy one is deleted', async () => {
    const newId = 'NewResultOnLegacy00001';
    await env.DB.prepare('INSERT INTO results (id, computation_id, delete_token_sha256, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)')
      .bind(newId, OTHER_ID, await sha256Hex('new-token'), Date.now(), Date.now() + 30 * DAY_MS)
      .run();
    const doc = (await (await fetchApi(`/api/v1/results/${newId}`)).json()) as { id: string; inputUrl: string; shareUrl: string };
    expect(doc.id).toBe(newId);
    expect(doc.shareUrl).toBe(`${ORIGIN}/r/${newId}`);
    expect(doc.inputUrl).toBe(`${ORIGIN}/api/v1/results/${newId}/files/input.png`);
    expect(JSON.stringify(doc)).not.toContain(OTHER_ID);

    const deleted = await fetchApi(`/api/v1/results/${OTHER_ID}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(deleted.status).toBe(204);
    await expectProblem(await fetchApi(`/api/v1/results/${OTHER_ID}`), 404);
    expect(new TextDecoder().decode(await bytesOf(doc.inputUrl))).toBe(`${OTHER_ID}:input.png`);
    expect(await artifactKeys(`results/${OTHER_ID}/`)).toHaveLength(FILES.length);

    const last = await fetchApi(`/api/v1/results/${newId}`, { method: 'DELETE', headers: { Authorization: 'Bearer new-token' } });
    expect(last.status).toBe(204);
    expect(await computationExists(OTHER_ID)).toBe(false);
    expect(await artifactKeys(`results/${OTHER_ID}/`)).toEqual([]);
  });
});

/** Result metadata in D1: create, find by id or by cache key, delete; expired rows read as absent. */
import { newDeleteToken, newResultId, sameDigest, sha256Hex } from './ids.ts';

export type ResultKind = 'predict' | 'saliency' | 'adversarial';

export interface ResultRow {
  id: string;
  kind: ResultKind;
  model: string;
  cacheKey: string;
  /** The public document, URLs relative to the site. */
  document: Record<string, unknown>;
  createdAt: number;
  expiresAt: number;
}

interface DbRow {
  id: string;
  kind: ResultKind;
  model: string;
  cache_key: string;
  document: string;
  delete_token_sha256: string;
  created_at: number;
  expires_at: number;
}

function fromDb(row: DbRow): ResultRow {
  return {
    id: row.id,
    kind: row.kind,
    model: row.model,
    cacheKey: row.cache_key,
    document: JSON.parse(row.document) as Record<string, unknown>,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** An id and delete token for a result about to be created (artifacts are written under the id first). */
export interface ResultTicket {
  id: string;
  deleteToken: string;
  createdAt: number;
  expiresAt: number;
}

export function newTicket(nowMs: number, ttlMs: number): ResultTicket {
  return { id: newResultId(), deleteToken: newDeleteToken(), createdAt: nowMs, expiresAt: nowMs + ttlMs };
}

export async function insertResult(
  db: D1Database,
  ticket: ResultTicket,
  row: { kind: ResultKind; model: string; cacheKey: string; document: Record<string, unknown> },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO results (id, kind, model, cache_key, document, delete_token_sha256, created_at, expires_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(ticket.id, row.kind, row.model, row.cacheKey, JSON.stringify(row.document), await sha256Hex(ticket.deleteToken), ticket.createdAt, ticket.expiresAt)
    .run();
}

export async function findResult(db: D1Database, id: string, nowMs: number): Promise<ResultRow | undefined> {
  const row = await db.prepare('SELECT * FROM results WHERE id = ?1 AND expires_at > ?2').bind(id, nowMs).first<DbRow>();
  return row ? fromDb(row) : undefined;
}

/** The newest live result computed from an identical request, if any. */
export async function findCached(db: D1Database, cacheKey: string, nowMs: number): Promise<ResultRow | undefined> {
  const row = await db
    .prepare('SELECT * FROM results WHERE cache_key = ?1 AND expires_at > ?2 ORDER BY created_at DESC LIMIT 1')
    .bind(cacheKey, nowMs)
    .first<DbRow>();
  return row ? fromDb(row) : undefined;
}

export type DeleteOutcome = 'deleted' | 'not-found' | 'forbidden';

export async function deleteResult(db: D1Database, id: string, token: string, nowMs: number): Promise<DeleteOutcome> {
  const row = await db
    .prepare('SELECT delete_token_sha256 FROM results WHERE id = ?1 AND expires_at > ?2')
    .bind(id, nowMs)
    .first<{ delete_token_sha256: string }>();
  if (!row) return 'not-found';
  if (!sameDigest(await sha256Hex(token), row.delete_token_sha256)) return 'forbidden';
  await db.prepare('DELETE FROM results WHERE id = ?1').bind(id).run();
  return 'deleted';
}

/** Removes up to `limit` expired rows and returns their ids so their artifacts can go too. */
export async function purgeExpired(db: D1Database, nowMs: number, limit = 20): Promise<string[]> {
  const { results } = await db
    .prepare('SELECT id FROM results WHERE expires_at <= ?1 LIMIT ?2')
    .bind(nowMs, limit)
    .all<{ id: string }>();
  const ids = results.map((r) => r.id);
  if (ids.length > 0) {
    await db.batch(ids.map((id) => db.prepare('DELETE FROM results WHERE id = ?1').bind(id)));
  }
  return ids;
}

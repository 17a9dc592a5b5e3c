/**
 * Results in D1: one row per requester, each with its own id, delete token, creation time and
 * expiry, referring to the computation it shows (computations.ts). Expired rows read as absent.
 */
import { deleteArtifacts, putArtifacts } from './artifacts.ts';
import {
  type Computation,
  type ComputationColumns,
  computationFromDb,
  deleteWithOrphans,
  findComputation,
  insertComputationStatement,
} from './computations.ts';
import { newDeleteToken, newResultId, sameDigest, sha256Hex } from './ids.ts';

export type { ResultKind } from './computations.ts';

/** An id and delete token for a result about to be created. */
export interface ResultTicket {
  id: string;
  deleteToken: string;
  createdAt: number;
  expiresAt: number;
}

export function newTicket(nowMs: number, ttlMs: number): ResultTicket {
  return { id: newResultId(), deleteToken: newDeleteToken(), createdAt: nowMs, expiresAt: nowMs + ttlMs };
}

export interface StoredResult {
  id: string;
  createdAt: number;
  expiresAt: number;
  computation: Computation;
}

/** The ticket's row, written only while its computation exists (nothing is written otherwise). */
async function insertResultStatement(db: D1Database, ticket: ResultTicket, computationId: string): Promise<D1PreparedStatement> {
  return db
    .prepare(
      `INSERT INTO results (id, computation_id, delete_token_sha256, created_at, expires_at)
       SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM computations WHERE id = ?2)`,
    )
    .bind(ticket.id, computationId, await sha256Hex(ticket.deleteToken), ticket.createdAt, ticket.expiresAt);
}

/**
 * Stores a new computation (its files to R2 first, then its row and the ticket's result in one
 * transaction). When the rows cannot be written the files are removed again.
 */
export async function storeComputation(
  db: D1Database,
  bucket: R2Bucket,
  ticket: ResultTicket,
  computation: Computation,
  files: Record<string, Uint8Array>,
): Promise<void> {
  await putArtifacts(bucket, computation.artifactPrefix, files);
  try {
    await db.batch([insertComputationStatement(db, computation), await insertResultStatement(db, ticket, computation.id)]);
  } catch (error) {
    await deleteArtifacts(bucket, computation.artifactPrefix);
    throw error;
  }
}

/**
 * Gives the ticket a result showing the newest computation of `cacheKey`. Undefined when there is
 * none, or when it went in the meantime (its last result deleted or purged): the caller computes.
 */
export async function reuseComputation(db: D1Database, ticket: ResultTicket, cacheKey: string): Promise<Computation | undefined> {
  const computation = await findComputation(db, cacheKey);
  if (!computation) return undefined;
  const outcome = await (await insertResultStatement(db, ticket, computation.id)).run();
  return outcome.meta.changes === 1 ? computation : undefined;
}

interface ResultColumns extends ComputationColumns {
  result_id: string;
  result_created_at: number;
  expires_at: number;
}

export async function findResult(db: D1Database, id: string, nowMs: number): Promise<StoredResult | undefined> {
  const row = await db
    .prepare(
      `SELECT r.id AS result_id, r.created_at AS result_created_at, r.expires_at, c.*
       FROM results r JOIN computations c ON c.id = r.computation_id
       WHERE r.id = ?1 AND r.expires_at > ?2`,
    )
    .bind(id, nowMs)
    .first<ResultColumns>();
  if (!row) return undefined;
  return { id: row.result_id, createdAt: row.result_created_at, expiresAt: row.expires_at, computation: computationFromDb(row) };
}

export type DeleteOutcome = 'deleted' | 'not-found' | 'forbidden';

/** Deletes one result's row; its computation and files go too when no other result refers to them. */
export async function deleteResult(db: D1Database, bucket: R2Bucket, id: string, token: string, nowMs: number): Promise<DeleteOutcome> {
  const row = await db
    .prepare('SELECT delete_token_sha256, computation_id FROM results WHERE id = ?1 AND expires_at > ?2')
    .bind(id, nowMs)
    .first<{ delete_token_sha256: string; computation_id: string }>();
  if (!row) return 'not-found';
  if (!sameDigest(await sha256Hex(token), row.delete_token_sha256)) return 'forbidden';
  await deleteWithOrphans(db, bucket, [db.prepare('DELETE FROM results WHERE id = ?1').bind(id)], [row.computation_id]);
  return 'deleted';
}

/**
 * Deletes up to `limit` expired results, and with them the computations no live result refers to
 * (files included). Returns how many results went, so a caller can go on while it is `limit`.
 */
export async function deleteExpiredResults(db: D1Database, bucket: R2Bucket, nowMs: number, limit: number): Promise<{ results: number; computations: number }> {
  const { results: expired } = await db
    .prepare('SELECT id, computation_id FROM results WHERE expires_at <= ?1 LIMIT ?2')
    .bind(nowMs, limit)
    .all<{ id: string; computation_id: string }>();
  if (expired.length === 0) return { results: 0, computations: 0 };
  const removal = db.prepare('DELETE FROM results WHERE id IN (SELECT value FROM json_each(?1))').bind(JSON.stringify(expired.map((r) => r.id)));
  const computations = await deleteWithOrphans(db, bucket, [removal], expired.map((r) => r.computation_id));
  return { results: expired.length, computations };
}

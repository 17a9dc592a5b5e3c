/**
 * Computations in D1: what one request's content (image bytes, kind, model, parameters, code revision:
 * the cache key) produced. Every result made from identical requests refers to one computation and
 * shares its document and its R2 files; a computation goes only when no result refers to it any more.
 */
import { computationPrefix, deleteArtifacts } from './artifacts.ts';
import { newComputationId } from './ids.ts';

export type ResultKind = 'predict' | 'saliency' | 'adversarial';

export interface Computation {
  /** 128 random bits, not the cache key (see ids.ts). */
  id: string;
  cacheKey: string;
  kind: ResultKind;
  model: string;
  /**
   * The fields every result of it shows, URLs relative to the site; its file URLs have RESULT_ID_SLOT
   * where a result's id goes (see result-document.ts).
   */
  document: Record<string, unknown>;
  /** R2 key prefix of its files, ending in `/`. */
  artifactPrefix: string;
  createdAt: number;
}

/** The columns of a computations row, as `SELECT c.*` gives them. */
export interface ComputationColumns {
  id: string;
  cache_key: string;
  kind: ResultKind;
  model: string;
  document: string;
  artifact_prefix: string;
  created_at: number;
}

export function computationFromDb(row: ComputationColumns): Computation {
  return {
    id: row.id,
    cacheKey: row.cache_key,
    kind: row.kind,
    model: row.model,
    document: JSON.parse(row.document) as Record<string, unknown>,
    artifactPrefix: row.artifact_prefix,
    createdAt: row.created_at,
  };
}

/** A computation about to be stored: its files go to R2 under its prefix before its row is written. */
export function newComputation(fields: Pick<Computation, 'cacheKey' | 'kind' | 'model' | 'document' | 'createdAt'>): Computation {
  const id = newComputationId();
  return { ...fields, id, artifactPrefix: computationPrefix(id) };
}

export function insertComputationStatement(db: D1Database, computation: Computation): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO computations (id, cache_key, kind, model, document, artifact_prefix, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(
      computation.id,
      computation.cacheKey,
      computation.kind,
      computation.model,
      JSON.stringify(computation.document),
      computation.artifactPrefix,
      computation.createdAt,
    );
}

/** The newest computation of an identical request, if any. */
export async function findComputation(db: D1Database, cacheKey: string): Promise<Computation | undefined> {
  const row = await db
    .prepare('SELECT * FROM computations WHERE cache_key = ?1 ORDER BY created_at DESC LIMIT 1')
    .bind(cacheKey)
    .first<ComputationColumns>();
  return row ? computationFromDb(row) : undefined;
}

/**
 * Runs `statements` (deletions of results) and, in the same transaction, deletes those of
 * `computationIds` that no result refers to any more; then their R2 files. The check is one
 * statement, so a result that joins a computation meanwhile (results.ts `insertResultStatement`)
 * either keeps it or finds it gone. Returns how many computations went.
 */
export async function deleteWithOrphans(
  db: D1Database,
  bucket: R2Bucket,
  statements: D1PreparedStatement[],
  computationIds: string[],
): Promise<number> {
  const orphans = db
    .prepare(
      `DELETE FROM computations
       WHERE id IN (SELECT value FROM json_each(?1))
         AND NOT EXISTS (SELECT 1 FROM results WHERE results.computation_id = computations.id)
       RETURNING artifact_prefix`,
    )
    .bind(JSON.stringify([...new Set(computationIds)]));
  const outcomes = await db.batch<{ artifact_prefix: string }>([...statements, orphans]);
  const prefixes = outcomes[outcomes.length - 1].results.map((row) => row.artifact_prefix);
  // After the commit: no result can refer to these any more, so no request can ask for their files.
  await Promise.all(prefixes.map((prefix) => deleteArtifacts(bucket, prefix)));
  return prefixes.length;
}

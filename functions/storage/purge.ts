/**
 * Removal of expired results, their computations once no live result refers to them, and those
 * computations' R2 files. The Cron Trigger (functions/index.ts) runs it in many batches; a compute
 * request runs one small batch afterwards, so a deployment without the trigger still shrinks.
 */
import { deleteExpiredResults } from './results.ts';

export interface PurgeLimits {
  /** Results per batch: one D1 read and one D1 transaction, then two R2 calls per computation that goes. */
  batchSize: number;
  /** Most batches in one run (Workers count subrequests per invocation). */
  batches: number;
}

/** After a compute request: bounded, so the response's waitUntil stays short. */
export const AFTER_COMPUTE_PURGE: PurgeLimits = { batchSize: 20, batches: 1 };

/** Each Cron Trigger run: up to 400 results, well inside the subrequest limit. */
export const SCHEDULED_PURGE: PurgeLimits = { batchSize: 50, batches: 8 };

export interface PurgeCount {
  results: number;
  computations: number;
}

/**
 * Deletes results that expired by `nowMs`, batch by batch, until none is left or the limit is reached.
 *
 * @example
 * const { results, computations } = await purgeExpired(env.DB, env.ARTIFACTS, Date.now(), SCHEDULED_PURGE);
 */
export async function purgeExpired(db: D1Database, bucket: R2Bucket, nowMs: number, limits: PurgeLimits): Promise<PurgeCount> {
  const total: PurgeCount = { results: 0, computations: 0 };
  for (let batch = 0; batch < limits.batches; batch++) {
    const removed = await deleteExpiredResults(db, bucket, nowMs, limits.batchSize);
    total.results += removed.results;
    total.computations += removed.computations;
    if (removed.results < limits.batchSize) break;
  }
  return total;
}

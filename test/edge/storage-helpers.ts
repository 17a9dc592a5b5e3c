/** What the storage tests look at directly: a result's computation row, R2 keys, a document's URLs. */
import { env } from 'cloudflare:test';

export interface ComputationRef {
  id: string;
  artifactPrefix: string;
}

/** The computation a result refers to, or undefined when the result row is gone. */
export async function computationOf(resultId: string): Promise<ComputationRef | undefined> {
  const row = await env.DB.prepare(
    'SELECT c.id, c.artifact_prefix FROM results r JOIN computations c ON c.id = r.computation_id WHERE r.id = ?1',
  )
    .bind(resultId)
    .first<{ id: string; artifact_prefix: string }>();
  return row ? { id: row.id, artifactPrefix: row.artifact_prefix } : undefined;
}

export async function computationExists(id: string): Promise<boolean> {
  return (await env.DB.prepare('SELECT 1 FROM computations WHERE id = ?1').bind(id).first()) !== null;
}

/** Every R2 key under `prefix`, sorted. */
export async function artifactKeys(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const listing = await env.ARTIFACTS.list({ prefix, cursor });
    keys.push(...listing.objects.map((o) => o.key));
    cursor = listing.truncated ? listing.cursor : undefined;
  } while (cursor);
  return keys.sort();
}

/** Every string field named `…Url` in a document, at any depth. */
export function urlsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(urlsOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (key.endsWith('Url') && typeof v === 'string' ? [v] : urlsOf(v)));
  }
  return [];
}

/** Moves a result's creation and expiry `ms` into the past (an expired result when past its TTL). */
export async function ageResult(resultId: string, ms: number): Promise<void> {
  await env.DB.prepare('UPDATE results SET created_at = created_at - ?2, expires_at = expires_at - ?2 WHERE id = ?1').bind(resultId, ms).run();
}

import { GradlensError } from '../../core/errors.ts';
import { fetchWithRetry } from './fetch-with-retry.ts';
import { forEachConcurrently } from './for-each-concurrently.ts';
import { runApiImage, type ApiSetup } from './api-image.ts';
import type { BatchTask } from './local-image.ts';
import type { SummaryLine } from './summary-line.ts';

/** `--api URL`: the server's origin (`http://127.0.0.1:8787`) or its API base; the routes hang off `…/api/v1/`. */
export function apiBase(url: string): URL {
  const base = URL.canParse(url) ? new URL(url) : null;
  if (!base || !['http:', 'https:'].includes(base.protocol)) throw new GradlensError('options/invalid', `--api needs the http(s) address of a gradlens server, got "${url}".`);
  const prefix = base.pathname.replace(/\/+$/, '');
  base.pathname = `${prefix.endsWith('/api/v1') ? prefix : `${prefix}/api/v1`}/`;
  base.search = '';
  base.hash = '';
  return base;
}

/**
 * A batch through the API, at most `jobs` requests at once. The server is asked for its health first,
 * so that a wrong address stops the batch at once (status 2) instead of failing every image.
 */
export async function runApiBatch(setup: ApiSetup, tasks: readonly BatchTask[], jobs: number, onLine: (line: SummaryLine) => void): Promise<void> {
  const health = new URL('health', setup.base);
  const answer = await fetchWithRetry(health, {}, setup.retry).catch((error: Error) => {
    throw new GradlensError('options/invalid', `The gradlens API at ${setup.base} cannot be reached (${(error.cause as Error)?.message ?? error.message}).`);
  });
  await answer.body?.cancel();
  if (!answer.ok) throw new GradlensError('options/invalid', `${setup.base} does not answer as a gradlens API: GET ${health} gave HTTP ${answer.status}.`);
  await forEachConcurrently(tasks, jobs, async (task) => onLine(await runApiImage(setup, task)));
}

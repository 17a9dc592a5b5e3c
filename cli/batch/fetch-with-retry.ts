/** How often and how long a request to the API is tried again. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try when the server names none; doubled for each try after it. */
  backoffMs: number;
  /** The longest wait: for the doubling backoff, and for a server's `Retry-After`. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, backoffMs: 500, maxWaitMs: 60_000 };

/** The statuses that mean "not now" (rate limited; model not ready or the isolate busy), not "not this". */
const RETRIED_STATUSES = new Set([429, 503]);

/** Milliseconds to wait before try `attempt + 1`: the server's `Retry-After` (seconds or an HTTP date), else the doubling backoff. */
export function retryWaitMs(retryAfter: string | null | undefined, attempt: number, policy: RetryPolicy, nowMs = Date.now()): number {
  const seconds = retryAfter?.trim() ? Number(retryAfter) : NaN;
  const date = retryAfter ? Date.parse(retryAfter) : NaN;
  const named = Number.isFinite(seconds) ? seconds * 1000 : Number.isFinite(date) ? date - nowMs : NaN;
  const wait = Number.isFinite(named) ? Math.max(0, named) : policy.backoffMs * 2 ** (attempt - 1);
  return Math.min(wait, policy.maxWaitMs);
}

/**
 * `fetch` that tries again on 429 and 503 (after the server's `Retry-After`, else with exponential
 * backoff) and on a failed connection, up to `policy.attempts` tries; the last answer is returned as it
 * is, the last connection failure thrown. Any other status, 4xx included, is returned at once.
 */
export async function fetchWithRetry(url: string | URL, init: RequestInit, policy: RetryPolicy = DEFAULT_RETRY): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetch(url, init);
    } catch (error) {
      if (attempt >= policy.attempts) throw error;
    }
    if (response && (!RETRIED_STATUSES.has(response.status) || attempt >= policy.attempts)) return response;
    const wait = retryWaitMs(response?.headers.get('Retry-After'), attempt, policy);
    await response?.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

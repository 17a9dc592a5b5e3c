/** Every tunable of the edge app with its default, read from `[vars]` / `--var` in one place. */
import type { Bindings } from './env.ts';

export interface EdgeConfig {
  /** Largest request body accepted, checked from Content-Length and while streaming. */
  maxBodyBytes: number;
  /**
   * Largest decoded image, from the header before decoding. Lower than the core's default because
   * a Worker isolate has 128 MB for the decoded pixels and the ~64 MiB WASM heap together.
   */
  maxPixels: number;
  /** How long stored results live. */
  resultTtlMs: number;
  rateLimit: boolean;
  /** Window of the rate limiting binding, for Retry-After (must match wrangler.toml). */
  rateLimitPeriodS: number;
  /** Adds X-Wasm-Heap-Bytes and X-Cache: HIT|MISS to compute responses (local benchmarking only). */
  debugHeaders: boolean;
  /**
   * The origin every absolute URL is built on (`…Url` fields, `Location`, share pages): the request's
   * Host header is the client's to choose, so it is never used.
   */
  publicOrigin: string;
  /**
   * Computations that may wait behind the running one in an isolate; one more is answered 503 with
   * Retry-After rather than left waiting without bound.
   */
  computeQueue: number;
}

const DAY_MS = 86_400_000;

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function edgeConfig(env: Bindings): EdgeConfig {
  return {
    maxBodyBytes: positiveNumber(env.MAX_BODY_BYTES, 10 * 1024 * 1024),
    maxPixels: positiveNumber(env.MAX_PIXELS, 8_000_000),
    resultTtlMs: positiveNumber(env.RESULT_TTL_DAYS, 30) * DAY_MS,
    rateLimit: env.RATE_LIMIT !== 'off',
    rateLimitPeriodS: positiveNumber(env.RATE_LIMIT_PERIOD_S, 60),
    debugHeaders: env.DEBUG_HEADERS === 'on',
    publicOrigin: publicOrigin(env.PUBLIC_ORIGIN),
    computeQueue: positiveNumber(env.COMPUTE_QUEUE, 4),
  };
}

/** Where `wrangler dev` listens unless told otherwise; `npm start` passes its own address. */
export const LOCAL_PUBLIC_ORIGIN = 'http://localhost:8787';

/**
 * PUBLIC_ORIGIN as an origin (`https://gradlens.example`, no path). Unset or empty means local
 * development. Anything else that is not a plain http(s) origin stops every request that needs it
 * with this error (a 500, logged): links to a wrong site must not go out quietly.
 */
export function publicOrigin(value: string | undefined): string {
  if (value === undefined || value === '') return LOCAL_PUBLIC_ORIGIN;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // A bare "?" or "#" leaves search and hash empty, so the text is checked as well.
  const plain = url && /^https?:$/.test(url.protocol) && !url.username && !url.password && url.pathname === '/' && !/[?#]/.test(value);
  if (!url || !plain) {
    throw new Error(`PUBLIC_ORIGIN must be an http(s) origin such as https://gradlens.example, without a path; it is ${JSON.stringify(value)}.`);
  }
  return url.origin;
}

/** The edge's stricter parameter limits are declared with their reasons in core/limits.ts (EDGE_LIMITS). */

/** Part of every cache key: bump when a change alters results for the same request. */
export const RESULT_REVISION = 'gradlens-edge/2'; // 2: overlays blend by √value over a dimmed photo

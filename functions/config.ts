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
  /** Adds X-Wasm-Heap-Bytes and X-Timing headers (local benchmarking only). */
  debugHeaders: boolean;
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
  };
}

/** The edge's stricter parameter limits are declared with their reasons in core/limits.ts (EDGE_LIMITS). */

/** Part of every cache key: bump when a change alters results for the same request. */
export const RESULT_REVISION = 'gradlens-edge/2'; // 2: overlays blend by √value over a dimmed photo

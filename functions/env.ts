/** Bindings and per-request variables of the edge app (see wrangler.toml). */
import type { Logger } from './http/log.ts';

export interface Bindings {
  /** The site build (`web/dist`), including the prepared model files under `models/`. */
  ASSETS: Fetcher;
  /** Result artifacts: input image, maps, PNGs. */
  ARTIFACTS: R2Bucket;
  /** Result metadata (see functions/migrations). */
  DB: D1Database;
  /** Per-client-IP limit on the compute routes (predict, saliency, adversarial). */
  COMPUTE_LIMITER?: RateLimit;
  /** Optional overrides; defaults live in config.ts. */
  MAX_BODY_BYTES?: string;
  MAX_PIXELS?: string;
  RESULT_TTL_DAYS?: string;
  RATE_LIMIT?: string;
  RATE_LIMIT_PERIOD_S?: string;
  DEBUG_HEADERS?: string;
  COMPUTE_QUEUE?: string;
  /** The site's public origin, e.g. `https://gradlens.example` (config.ts `publicOrigin`). */
  PUBLIC_ORIGIN?: string;
}

export interface Variables {
  requestId: string;
  log: Logger;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}

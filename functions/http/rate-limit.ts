/** Per-client-IP limit on the compute routes, through the Workers rate limiting binding. */
import { createMiddleware } from 'hono/factory';
import { edgeConfig } from '../config.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from './problem.ts';

/** The address Cloudflare saw; local runs without it share one bucket. */
export function clientIp(headers: Headers): string {
  return headers.get('CF-Connecting-IP') ?? headers.get('X-Real-IP') ?? 'local';
}

/** Seconds until the binding's fixed window rolls over (at least 1). */
export function secondsToNextWindow(nowMs: number, periodS: number): number {
  const elapsed = (nowMs / 1000) % periodS;
  return Math.max(1, Math.ceil(periodS - elapsed));
}

export const computeRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const config = edgeConfig(c.env);
  const limiter = c.env.COMPUTE_LIMITER;
  if (config.rateLimit && limiter) {
    const { success } = await limiter.limit({ key: clientIp(c.req.raw.headers) });
    if (!success) {
      const retryAfter = secondsToNextWindow(Date.now(), config.rateLimitPeriodS);
      throw new ProblemError(429, 'Too many compute requests from this address; wait before sending more.', {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
  }
  await next();
});

/** Gives every request an id (echoed in X-Request-Id), a bound logger and one access-log line. */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { requestLogger } from './log.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller-supplied id is kept only when it is short and plain, so it cannot forge log lines. */
const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header(REQUEST_ID_HEADER);
  const requestId = incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
  const log = requestLogger(requestId);
  c.set('requestId', requestId);
  c.set('log', log);
  const started = Date.now();
  await next();
  try {
    c.res.headers.set(REQUEST_ID_HEADER, requestId);
  } catch {
    // Responses passed through from a binding have immutable headers.
    const copy = new Response(c.res.body, c.res);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    c.res = undefined;
    c.res = copy;
  }
  log('info', 'request', {
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Date.now() - started,
  });
});

/**
 * The one place where failures become HTTP: domain error codes map to statuses here and nowhere else.
 * Anything not recognised is logged with the request id and answered with a generic 500.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type ErrorCode, isGradlensError } from '../../core/errors.ts';
import type { AppEnv } from '../env.ts';
import { type Problem, ProblemError, problemBody, problemResponse } from './problem.ts';

/** HTTP status of every GradlensError code. */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  'image/empty': 400,
  'image/unsupported': 415,
  'image/corrupt': 422,
  'image/too-large': 422,
  'class/unknown': 404,
  'class/ambiguous': 400,
  'model/unknown': 404,
  'model/not-ready': 503,
  'model/prepare': 503,
  'model/check-failed': 503,
  'options/invalid': 400,
  aborted: 503,
};

/** Seconds a client should wait before retrying when the model is not ready. */
const NOT_READY_RETRY_S = '5';

interface Mapped {
  problem: Problem;
  headers: Record<string, string>;
}

function mapError(error: unknown, c: Context<AppEnv>): Mapped | undefined {
  if (error instanceof ProblemError) {
    return { problem: problemBody(error.status, error.message, { hint: error.hint, code: error.code }), headers: error.headers };
  }
  if (isGradlensError(error)) {
    const status = STATUS_BY_CODE[error.code] ?? 500;
    const headers: Record<string, string> = status === 503 ? { 'Retry-After': NOT_READY_RETRY_S } : {};
    return { problem: problemBody(status, error.message, { hint: error.hint, code: error.code }), headers };
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own refusals, such as a malformed body for a validator.
    const detail = error.message || `${c.req.method} ${c.req.path} was refused.`;
    return { problem: problemBody(error.status, detail), headers: {} };
  }
  return undefined;
}

export function errorResponse(error: unknown, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId');
  if (c.req.raw.signal?.aborted) {
    // Whatever failed, the client has gone (its upload broke off, its computation was cancelled): not a fault here.
    c.get('log')?.('info', 'client disconnected', { path: c.req.path, cause: error instanceof Error ? error.message : String(error) });
    return problemResponse(problemBody(499, 'The client closed the request.', { instance: c.req.path, requestId }));
  }
  const mapped = mapError(error, c);
  if (mapped) {
    const problem = { ...mapped.problem, instance: c.req.path, requestId };
    if (problem.status >= 500) c.get('log')?.('warn', 'request refused', { status: problem.status, detail: problem.detail });
    return problemResponse(problem, mapped.headers);
  }
  c.get('log')?.('error', 'unexpected error', { error, path: c.req.path });
  const problem = problemBody(500, 'An unexpected error occurred. Quote the request id when you report it.', {
    instance: c.req.path,
    requestId,
  });
  return problemResponse(problem);
}

export function notFoundResponse(c: Context<AppEnv>): Response {
  const problem = problemBody(404, `Nothing at ${c.req.method} ${c.req.path}.`, { instance: c.req.path, requestId: c.get('requestId') });
  return problemResponse(problem);
}

export function methodNotAllowedResponse(c: Context<AppEnv>, allowed: string[]): Response {
  const allow = allowed.join(', ');
  const problem = problemBody(405, `${c.req.method} is not allowed at ${c.req.path}; it answers ${allow}.`, {
    instance: c.req.path,
    requestId: c.get('requestId'),
  });
  return problemResponse(problem, { Allow: allow });
}

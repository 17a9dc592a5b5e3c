/** Every failure the site shows becomes `{ code, message, hint }`; nothing ends as a blank page. */
import type { UserMessage } from './app.ts';

export function toUserMessage(error: unknown): UserMessage {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; hint?: unknown; name?: unknown };
    const code = typeof e.code === 'string' ? e.code : e.name === 'AbortError' ? 'aborted' : 'internal';
    const message = typeof e.message === 'string' && e.message ? e.message : 'Something went wrong.';
    return typeof e.hint === 'string' && e.hint ? { code, message, hint: e.hint } : { code, message };
  }
  return { code: 'internal', message: typeof error === 'string' ? error : 'Something went wrong.' };
}

export function isAborted(error: unknown): boolean {
  return toUserMessage(error).code === 'aborted';
}

/**
 * Reads the request body under a byte limit: refused from Content-Length before reading, and counted
 * while streaming for bodies that do not declare their length. The bytes are left in Hono's body
 * cache, where the form validator and the handlers find them.
 */
import { createMiddleware } from 'hono/factory';
import { joinBytes } from '../../core/image/join-bytes.ts';
import { edgeConfig } from '../config.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from './problem.ts';

function tooLarge(limit: number): ProblemError {
  return new ProblemError(413, `The request body is larger than ${limit} bytes.`, {
    hint: 'Send a smaller image; the models see it at 224×224 or 227×227 anyway.',
  });
}

async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<ArrayBuffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      // The connection broke mid-upload: the client went away or its network did.
      throw new ProblemError(400, 'The request body ended before it was complete: the upload was interrupted.', {
        hint: 'Send the request again.',
      });
    }
    const { done, value } = next;
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  // A copy even for one chunk: the body cache must own its bytes, not share a stream's buffer.
  return joinBytes([new Uint8Array(0), ...chunks]).buffer as ArrayBuffer;
}

export const bodyLimit = createMiddleware<AppEnv>(async (c, next) => {
  const limit = edgeConfig(c.env).maxBodyBytes;
  const declared = c.req.header('Content-Length');
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  const body = c.req.raw.body;
  const buffer = body ? await readLimited(body, limit) : new ArrayBuffer(0);
  // Hono keeps body promises in this cache (its type says values); later reads resolve from it.
  (c.req.bodyCache as Record<string, unknown>).arrayBuffer = Promise.resolve(buffer);
  await next();
});

/**
 * How the API treats requests as a hostile or careless client sends them: multipart headers in every
 * valid spelling, wrong methods, more computations than an isolate should queue, clients that leave.
 */
import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { joinBytes } from '../../core/image/join-bytes.ts';
import app from '../../functions/index.ts';
import { queueDepth } from '../../functions/runtime/compute-queue.ts';
import { ORIGIN, expectProblem, fetchApi, postImage, reference } from './helpers.ts';

const hay = () => reference('00_hay.png');

/** A multipart body written by hand, so that its Content-Type can be spelled any valid way. */
function multipart(boundary: string, image: Uint8Array, fields: Record<string, string> = {}): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="hay.png"\r\nContent-Type: image/png\r\n\r\n`));
  parts.push(image, encoder.encode(`\r\n--${boundary}--\r\n`));
  return joinBytes(parts);
}

describe('multipart bodies in every valid spelling of their Content-Type', () => {
  it.each([
    ['a charset before the boundary', 'multipart/form-data; charset=utf-8; boundary=XyZ123', 'XyZ123'],
    ['a quoted boundary with a space', 'multipart/form-data; boundary="a b"', 'a b'],
    ['a quoted boundary and a charset after it', 'multipart/form-data; boundary="gradlens boundary"; charset=utf-8', 'gradlens boundary'],
    ['capitals and no space', 'Multipart/Form-Data;boundary=XyZ123', 'XyZ123'],
  ])('accepts %s', async (_, contentType, boundary) => {
    const response = await fetchApi('/api/v1/predict', { method: 'POST', headers: { 'Content-Type': contentType }, body: multipart(boundary, hay(), { topK: '3' }) as BodyInit });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { predictions: { name: string }[] };
    expect(body.predictions).toHaveLength(3);
    expect(body.predictions[0].name).toBe('hay');
  });

  it('still refuses a body whose boundary is not the declared one, and a form without an image', async () => {
    const wrong = await fetchApi('/api/v1/predict', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=other' }, body: multipart('XyZ', hay()) as BodyInit });
    await expectProblem(wrong, 400);
    const form = new FormData();
    form.set('topK', '3');
    const missing = await expectProblem(await fetchApi('/api/v1/predict', { method: 'POST', body: form }), 400);
    expect(missing.detail).toMatch(/image: missing: send the image as form field "image"/);
  });

  it('refuses a URL-encoded form (it cannot carry an image) with 415', async () => {
    const response = await fetchApi('/api/v1/predict', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'topK=3' });
    expect((await expectProblem(response, 415)).detail).toContain('application/x-www-form-urlencoded');
  });
});

describe('405 with Allow for a known path and a wrong method', () => {
  it.each([
    ['GET', '/api/v1/predict', 'POST, OPTIONS'],
    ['PUT', '/api/v1/saliency', 'POST, OPTIONS'],
    ['POST', '/api/v1/models', 'GET, HEAD, OPTIONS'],
    ['PATCH', '/api/v1/results/AAAAAAAAAAAAAAAAAAAAAA', 'GET, HEAD, DELETE, OPTIONS'],
    ['DELETE', '/api/v1/results/AAAAAAAAAAAAAAAAAAAAAA/files/input.png', 'GET, HEAD, OPTIONS'],
    ['POST', '/r/AAAAAAAAAAAAAAAAAAAAAA', 'GET, HEAD'],
    ['POST', '/api', 'GET, HEAD'],
    ['DELETE', '/saliency', 'GET, HEAD'],
  ])('%s %s', async (method, path, allow) => {
    const response = await fetchApi(path, { method });
    const body = await expectProblem(response, 405);
    expect(response.headers.get('Allow')!.split(', ').sort()).toEqual(allow.split(', ').sort());
    expect(body.detail).toContain(method);
  });

  it('an unknown API path is still a 404, whatever the method', async () => {
    await expectProblem(await fetchApi('/api/v1/nothing-here', { method: 'POST' }), 404);
    await expectProblem(await fetchApi('/api/v1/nothing-here'), 404);
  });
});

describe('backpressure', () => {
  /** A SmoothGrad request that takes about a second on WASM, recomputed each time. */
  const slow = (samples: string, init: { signal?: AbortSignal } = {}) =>
    postImage('/api/v1/saliency', hay(), { method: 'smoothgrad', samples }, { 'Cache-Control': 'no-cache' }).then((r) => r, (e) => e);

  it('answers computations beyond the queue (4 waiting) with 503 and Retry-After, and the rest normally', async () => {
    const responses = (await Promise.all(Array.from({ length: 8 }, () => slow('8')))) as Response[];
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(5);
    const refused = responses.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    for (const response of refused) {
      expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
      expect((await expectProblem(response, 503)).detail).toMatch(/busy/);
    }
    await Promise.all(responses.filter((r) => r.status === 201).map((r) => r.body?.cancel()));
  });

  it('serves a non-compute request while a long computation runs', async () => {
    let computed = false;
    const computation = slow('16').then((r: Response) => {
      computed = true;
      return r;
    });
    // Let the computation reach the model before asking for something else.
    while (queueDepth() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const models = await fetchApi('/api/v1/models');
    expect(models.status).toBe(200);
    expect(computed).toBe(false);
    expect((await computation).status).toBe(201);
  });
});

describe('a client that goes away', () => {
  /**
   * The app is called directly with a request whose signal the test fires: in production workerd fires
   * it when the client disconnects (flag enable_request_signal); wrangler dev's proxy does not pass a
   * disconnect on, so this is the closest a local test gets.
   */
  const leaving = (controller: AbortController, fields?: Record<string, string>) =>
    app.fetch(new Request(`${ORIGIN}/api/v1/saliency`, { method: 'POST', body: form(fields), headers: { 'Cache-Control': 'no-cache' }, signal: controller.signal }), env, createExecutionContext());

  const untilDepth = async (depth: number) => {
    for (let i = 0; i < 2000 && queueDepth() !== depth; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    return queueDepth();
  };

  it('leaves the queue while it waits (the next one runs), and stops its computation while it runs', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
    try {
      let firstDone = false;
      const first = postImage('/api/v1/saliency', hay(), { method: 'smoothgrad', samples: '16' }, { 'Cache-Control': 'no-cache' }).then((r) => {
        firstDone = true;
        return r;
      });
      expect(await untilDepth(1)).toBe(1);
      const waiter = new AbortController();
      const waiting = leaving(waiter);
      expect(await untilDepth(2)).toBe(2);
      waiter.abort();
      expect(await untilDepth(1)).toBe(1);
      expect(firstDone).toBe(false);
      expect((await waiting).status).toBe(499);
      expect((await first).status).toBe(201);

      const runner = new AbortController();
      const running = leaving(runner, { method: 'smoothgrad', samples: '32' });
      expect(await untilDepth(1)).toBe(1);
      runner.abort();
      expect(await untilDepth(0)).toBe(0);
      const cancelled = await running;
      expect(cancelled.status).toBe(499);
      const lines = logged.filter((line) => line.includes('"client disconnected"'));
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/cancelled/);
      expect(logged.some((line) => line.includes('unexpected error'))).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});

function form(fields: Record<string, string> = { method: 'smoothgrad', samples: '8' }): FormData {
  const body = new FormData();
  body.set('image', new File([hay() as BlobPart], 'hay.png', { type: 'image/png' }));
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return body;
}

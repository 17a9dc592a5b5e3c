import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { GradlensError } from '../../core/errors.ts';
import { decodeImage, encodePng, resizeImage } from '../../core/image/index.ts';
import type { AppEnv } from '../../functions/env.ts';
import { STATUS_BY_CODE, errorResponse } from '../../functions/http/error-handler.ts';
import { requestContext } from '../../functions/http/request-context.ts';
import { expectProblem, fetchApi, postImage, reference } from './helpers.ts';

const hay = () => reference('00_hay.png');

describe('400 malformed or unknown parameter values', () => {
  it.each([
    ['an unknown method', { method: 'guided' }, /method/],
    ['a non-numeric topK', { topK: 'three' }, /topK/],
    ['a topK over the bound', { topK: '50' }, /topK/],
    ['too many SmoothGrad samples', { method: 'smoothgrad', samples: '1000' }, /samples/],
    ['an unknown parameter name', { colour: 'red' }, /colour/],
    ['an ambiguous class name', { class: 'dog' }, /matches \d+ classes/],
  ])('refuses %s', async (_, fields, detail) => {
    const body = await expectProblem(await postImage('/api/v1/saliency', hay(), fields as Record<string, string>), 400);
    expect(body.detail).toMatch(detail);
  });

  it('words an out-of-range value as the CLI and the site do, with the edge’s reason', async () => {
    const body = await expectProblem(await postImage('/api/v1/saliency', hay(), { method: 'smoothgrad', samples: '40' }), 400);
    expect(body.detail).toBe('samples must be a whole number from 1 to 32 (each sample is a backward pass within the Worker’s CPU budget), got 40.');
    const fgsm = await expectProblem(await postImage('/api/v1/adversarial', hay(), { epsilon: '300' }), 400);
    expect(fgsm.detail).toBe('epsilon must be a number from 0 to 255, got 300.');
  });

  it('takes the older spelling lr for learningRate, but not both at once', async () => {
    const both = await expectProblem(await postImage('/api/v1/adversarial', hay(), { attack: 'normalized-step', target: '6', lr: '1', learningRate: '1' }), 400);
    expect(both.detail).toMatch(/learningRate or its older spelling lr, not both/);
  });

  it('refuses a bad query parameter', async () => {
    const response = await fetchApi('/api/v1/predict?topK=0', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: hay() as BodyInit });
    expect((await expectProblem(response, 400)).detail).toMatch(/topK/);
  });

  it('refuses a multipart body without an image field and an empty raw body', async () => {
    const form = new FormData();
    form.set('class', 'top');
    await expectProblem(await fetchApi('/api/v1/saliency', { method: 'POST', body: form }), 400);
    await expectProblem(await fetchApi('/api/v1/predict', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: new Uint8Array(0) as BodyInit }), 400);
  });

  it('refuses a malformed multipart body', async () => {
    const response = await fetchApi('/api/v1/saliency', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="image"\r\n\r\nno closing boundary',
    });
    await expectProblem(response, 400);
  });

  it('refuses two image fields, saying so', async () => {
    const form = new FormData();
    form.append('image', new File([hay() as BlobPart], 'a.png', { type: 'image/png' }));
    form.append('image', new File([hay() as BlobPart], 'b.png', { type: 'image/png' }));
    const body = await expectProblem(await fetchApi('/api/v1/predict', { method: 'POST', body: form }), 400);
    expect(body.detail).toMatch(/one image/);
  });

  it('echoes unknown parameter names clipped and few, not every junk field of a form', async () => {
    const form = new FormData();
    form.set('image', new File([hay() as BlobPart], 'hay.png', { type: 'image/png' }));
    form.set('x'.repeat(100_000), '1');
    for (let i = 0; i < 1000; i++) form.set(`k${i}`, '1');
    const body = await expectProblem(await fetchApi('/api/v1/predict', { method: 'POST', body: form }), 400);
    expect(body.detail).toMatch(/Unrecognized keys: "x{40}…", "k0", .* and 996 more/);
    expect((body.detail as string).length).toBeLessThan(500);
  });

  it('refuses a normalized step without a target', async () => {
    await expectProblem(await postImage('/api/v1/adversarial', hay(), { attack: 'normalized-step' }), 400);
  });
});

describe('404 unknown model, class, result or route', () => {
  it('unknown model', async () => {
    // Not vgg16: that one is known, and refused with a 400 because it does not fit a Worker (runs-on.test.ts).
    const body = await expectProblem(await postImage('/api/v1/saliency', hay(), { model: 'resnet9000' }), 404);
    expect(body).toMatchObject({ code: 'model/unknown' });
    await expectProblem(await fetchApi('/api/v1/models/resnet9000/classes'), 404);
  });

  it('unknown class index and name', async () => {
    expect(await expectProblem(await postImage('/api/v1/saliency', hay(), { class: '1000' }), 404)).toMatchObject({ code: 'class/unknown' });
    expect(await expectProblem(await postImage('/api/v1/adversarial', hay(), { target: 'unicornfish' }), 404)).toMatchObject({ code: 'class/unknown' });
  });

  it('unknown result and unknown API route', async () => {
    await expectProblem(await fetchApi('/api/v1/results/AAAAAAAAAAAAAAAAAAAAAA'), 404);
    await expectProblem(await fetchApi('/api/v1/results/AAAAAAAAAAAAAAAAAAAAAA', { method: 'DELETE', headers: { Authorization: 'Bearer x' } }), 404);
    await expectProblem(await fetchApi('/api/v1/results/AAAAAAAAAAAAAAAAAAAAAA/files/input.png'), 404);
    await expectProblem(await fetchApi('/api/v1/nothing-here'), 404);
  });
});

describe('413 body over the limit (10 MiB)', () => {
  const tooLarge = () => {
    const bytes = new Uint8Array(10 * 1024 * 1024 + 1);
    bytes.set(hay());
    return bytes;
  };

  it('from Content-Length, before reading the body', async () => {
    const response = await fetchApi('/api/v1/saliency', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: tooLarge() as BodyInit });
    await expectProblem(response, 413);
  });

  it('from the streamed byte count when no length is declared', async () => {
    const bytes = tooLarge();
    const chunk = 1024 * 1024;
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + chunk));
        offset += chunk;
      },
    });
    const response = await fetchApi('/api/v1/predict', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: stream });
    await expectProblem(response, 413);
  });
});

describe('415 not a supported image', () => {
  it('a text body', async () => {
    const response = await fetchApi('/api/v1/predict', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    const body = await expectProblem(response, 415);
    expect(body.detail).toContain('text/plain');
    expect(body.hint).toMatch(/multipart\/form-data field "image".*image\/png or image\/jpeg/);
  });

  it('a file that is not PNG or JPEG, whatever its declared type', async () => {
    const text = new TextEncoder().encode('GIF89a, or rather: not an image at all');
    const body = await expectProblem(await postImage('/api/v1/saliency', text), 415);
    expect(body.code).toBe('image/unsupported');
  });
});

describe('422 unreadable image or over the pixel budget', () => {
  it('a truncated PNG', async () => {
    const bytes = hay();
    const body = await expectProblem(await postImage('/api/v1/saliency', bytes.slice(0, bytes.length >> 1)), 422);
    expect(body.code).toBe('image/corrupt');
  });

  it('an image whose header exceeds the pixel budget (200 000 px in the tests)', async () => {
    const big = encodePng(resizeImage(decodeImage(hay()), 640, 480));
    const body = await expectProblem(await postImage('/api/v1/predict', big), 422);
    expect(body.code).toBe('image/too-large');
    expect(body.detail).toMatch(/640×480/);
  });
});

describe('429 rate limited per client IP', () => {
  it('refuses compute requests over the limit with Retry-After, and other clients still pass', async () => {
    const ip = '203.0.113.77';
    let limited: Response | undefined;
    // 60 a minute; the window may roll over once during the loop, hence up to 2 × 60 + 1 tries.
    for (let i = 0; i < 121 && !limited; i++) {
      const response = await fetchApi('/api/v1/predict', { method: 'POST', ip });
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(400);
    }
    expect(limited).toBeDefined();
    const retryAfter = Number(limited!.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await expectProblem(limited!, 429);
    expect((await fetchApi('/api/v1/predict', { method: 'POST', ip: '203.0.113.78' })).status).toBe(400);
  });
});

describe('the one error handler', () => {
  function appThrowing(error: unknown) {
    const app = new OpenAPIHono<AppEnv>();
    app.use('*', requestContext);
    app.get('/', () => {
      throw error;
    });
    app.onError(errorResponse);
    return app;
  }

  it('maps every GradlensError code to a 4xx/5xx status', () => {
    for (const status of Object.values(STATUS_BY_CODE)) expect([400, 404, 415, 422, 503]).toContain(status);
  });

  it('answers model/not-ready with 503 and Retry-After', async () => {
    const response = await appThrowing(new GradlensError('model/not-ready', 'weights missing', 'run npm run models')).request('/');
    const body = await expectProblem(response, 503);
    expect(response.headers.get('Retry-After')).toBe('5');
    expect(body).toMatchObject({ code: 'model/not-ready', hint: 'run npm run models' });
  });

  it('answers an unexpected error with a generic 500 that leaks nothing', async () => {
    const response = await appThrowing(new Error('secret internals at line 42')).request('/');
    const body = await expectProblem(response, 500);
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(body.requestId).toBe(response.headers.get('X-Request-Id'));
  });
});

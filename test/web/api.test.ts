import { DEFAULTS } from '../../core/defaults.ts';
import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../../web/src/api/client.ts';
import { documentImages, documentPredictions } from '../../web/src/api/results.ts';
import { saliencyFields, saliencyOptions } from '../../web/src/state/saliency.ts';
import { initialState } from '../../web/src/state/app.ts';

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('api client', () => {
  it('turns problem JSON into an ApiError with code and hint', async () => {
    const api = createApiClient({
      fetchFn: async () => json({ title: 'Unsupported', status: 415, detail: 'Not a PNG or JPEG.', code: 'image/unsupported', hint: 'Send a PNG.' }, 415, 'application/problem+json'),
    });
    const error = await api.get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 415, code: 'image/unsupported', message: 'Not a PNG or JPEG.', hint: 'Send a PNG.' });
  });

  it('names rate limiting and network failures', async () => {
    const limited = createApiClient({ fetchFn: async () => new Response('slow down', { status: 429 }) });
    await expect(limited.get('/x')).rejects.toMatchObject({ code: 'rate-limited' });
    const offline = createApiClient({ fetchFn: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(offline.get('/x')).rejects.toMatchObject({ code: 'network' });
    const hanging = createApiClient({
      timeoutMs: 20,
      fetchFn: (_url, init) => new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))),
    });
    await expect(hanging.get('/x')).rejects.toMatchObject({ code: 'timeout' });
  });

  it('posts the image and only the defined fields as multipart', async () => {
    let sent: { url: string; body: FormData } | null = null;
    const api = createApiClient({
      fetchFn: async (url, init) => {
        sent = { url: String(url), body: init!.body as FormData };
        return json({ id: 'abc', shareUrl: '/r/abc' }, 201);
      },
    });
    const result = await api.postImage<{ shareUrl: string }>('/saliency', new Blob([new Uint8Array([1])], { type: 'image/png' }), { topK: 3, class: undefined });
    expect(result.shareUrl).toBe('/r/abc');
    expect(sent!.url).toBe('/api/v1/saliency');
    expect(sent!.body.get('topK')).toBe('3');
    expect(sent!.body.has('class')).toBe(false);
    expect(sent!.body.get('image')).toBeInstanceOf(Blob);
  });
});

describe('saliency request fields', () => {
  it('sends topK for top-k maps and class for one class, never both', () => {
    const state = initialState({ name: 'saliency' }).saliency;
    // The default is the CLI's and the API's: one map, for the predicted class.
    expect(saliencyFields(saliencyOptions(state))).toMatchObject({ class: 'top', topK: undefined, method: 'vanilla' });
    expect(saliencyFields(saliencyOptions({ ...state, class: 8, topK: 3 }))).toMatchObject({ topK: 3, class: undefined, method: 'vanilla' });
    expect(saliencyFields(saliencyOptions({ ...state, class: 8 }))).toMatchObject({ class: '8', topK: undefined });
    // In the browser too, one chosen class goes without topK: the core lets topK override the class.
    const single = saliencyOptions({ ...state, class: 8 });
    expect(single.class).toBe(8);
    expect(single.topK).toBeUndefined();
    expect(saliencyOptions({ ...state, method: 'smoothgrad', samples: 8 })).toMatchObject({ method: 'smoothgrad', samples: 8 });
    // The core's default seed, as the CLI and the API use: the same SmoothGrad map on every surface.
    expect(saliencyOptions({ ...state, method: 'smoothgrad' }).seed).toBe(DEFAULTS.saliency.seed);
    expect(saliencyOptions({ ...state, method: 'integrated-gradients', steps: 12 })).toMatchObject({ steps: 12 });
  });
});

describe('stored result documents', () => {
  const doc = {
    id: 'abc',
    kind: 'saliency',
    inputUrl: '/api/v1/results/abc/input.png',
    resultUrl: '/api/v1/results/abc',
    shareUrl: '/r/abc',
    predictions: [{ index: 958, name: 'hay', probability: 0.95, score: 22 }],
    maps: [{ class: { index: 958, name: 'hay' }, heatmapUrl: '/a/heatmap.png', overlayUrl: '/a/overlay.png', rawUrl: '/a/raw.npy' }],
  };

  it('finds predictions, including nested ones', () => {
    expect(documentPredictions(doc)[0].name).toBe('hay');
    expect(documentPredictions({ report: { after: doc.predictions } }, 'after')).toHaveLength(1);
    expect(documentPredictions({})).toEqual([]);
  });

  it('lists image URLs with readable labels, skipping non-images', () => {
    expect(documentImages(doc)).toEqual([
      { label: 'input', url: '/api/v1/results/abc/input.png' },
      { label: 'hay · heatmap', url: '/a/heatmap.png' },
      { label: 'hay · overlay', url: '/a/overlay.png' },
    ]);
  });
});

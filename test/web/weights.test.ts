import { describe, expect, it } from 'vitest';
import { progressWeightSource, type WeightProgress } from '../../web/src/worker/weights.ts';

const manifest = { files: [{ name: 'weights.bin', bytes: 8, sha256: 'abc' }] };

function fakeFetch(log: string[]) {
  return (async (url: string) => {
    log.push(url);
    if (url.endsWith('manifest.json')) return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } });
    if (url.endsWith('weights.bin')) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array([1, 2, 3, 4]));
          controller.enqueue(new Uint8Array([5, 6, 7, 8]));
          controller.close();
        },
      });
      return new Response(body);
    }
    return new Response('missing', { status: 404 });
  }) as unknown as typeof fetch;
}

class MemoryCache {
  entries = new Map<string, Response>();
  async match(key: string) {
    return this.entries.get(key)?.clone();
  }
  async put(key: string, response: Response) {
    this.entries.set(key, response);
  }
}

describe('progressWeightSource', () => {
  it('reports bytes against the manifest total and returns the same bytes', async () => {
    const log: string[] = [];
    const progress: WeightProgress[] = [];
    const source = progressWeightSource({ baseUrl: '/models/', fetchFn: fakeFetch(log), cache: null, onProgress: (p) => progress.push(p) });
    expect(await (await source('m/manifest.json')).json()).toEqual(manifest);
    const bytes = new Uint8Array(await (await source('m/weights.bin')).arrayBuffer());
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(progress.at(-1)).toEqual({ loadedBytes: 8, totalBytes: 8 });
    expect(progress.map((p) => p.loadedBytes)).toEqual([0, 4, 8]);
  });

  it('serves weights from the cache on the second load, keyed by checksum', async () => {
    const cache = new MemoryCache();
    const first: string[] = [];
    const a = progressWeightSource({ baseUrl: '/models/', fetchFn: fakeFetch(first), cache });
    await a('m/manifest.json');
    await (await a('m/weights.bin')).arrayBuffer();
    expect([...cache.entries.keys()]).toEqual(['/models/m/weights.bin?sha256=abc']);

    const second: string[] = [];
    const b = progressWeightSource({ baseUrl: '/models/', fetchFn: fakeFetch(second), cache });
    await b('m/manifest.json');
    const bytes = new Uint8Array(await (await b('m/weights.bin')).arrayBuffer());
    expect(second).toEqual(['/models/m/manifest.json']);
    expect(bytes).toHaveLength(8);
  });

  it('learns sizes and checksums from a version 3 manifest: only the chosen variant counts', async () => {
    const v3 = {
      variants: {
        float32: { files: [{ name: 'weights-0.bin', bytes: 8, sha256: 'f32' }] },
        float16: { files: [{ name: 'weights-f16-0.bin', bytes: 4, sha256: 'f16' }] },
      },
    };
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const fetchFn = (async (url: string) => (url.endsWith('.json') ? new Response(JSON.stringify(v3)) : new Response(bytes))) as unknown as typeof fetch;
    const cache = new MemoryCache();
    const progress: WeightProgress[] = [];
    const source = progressWeightSource({ baseUrl: '/models/', fetchFn, cache, dtype: 'float16', onProgress: (p) => progress.push(p) });
    await source('m/manifest.json');
    expect(progress.at(-1)).toEqual({ loadedBytes: 0, totalBytes: 4 });
    await (await source('m/weights-f16-0.bin')).arrayBuffer();
    expect(progress.at(-1)).toEqual({ loadedBytes: 4, totalBytes: 4 });
    expect([...cache.entries.keys()]).toEqual(['/models/m/weights-f16-0.bin?sha256=f16']);
  });

  it('passes HTTP errors through for loadModel to report', async () => {
    const source = progressWeightSource({ baseUrl: '/models/', fetchFn: fakeFetch([]), cache: null });
    expect((await source('m/other.bin')).status).toBe(404);
  });
});

/**
 * Memory of the WASM backend over many requests: the linear memory only grows, so its size after a
 * request is the peak so far. It must stay ≤ 64 MiB for a saliency request and stop growing.
 */
import { describe, expect, it } from 'vitest';
import { REFERENCE_IMAGES, fetchApi, postImage, reference } from './helpers.ts';

const MiB = 1024 * 1024;

async function health(): Promise<{ wasmHeapBytes: number; numTensors: number }> {
  return (await (await fetchApi('/api/v1/health')).json()) as { wasmHeapBytes: number; numTensors: number };
}

describe('WASM heap over 50 consecutive saliency requests', () => {
  it('peaks at ≤ 64 MiB, stops growing and leaks no tensors', async () => {
    const heaps: number[] = [];
    const tensors: number[] = [];
    for (let i = 0; i < 50; i++) {
      const name = REFERENCE_IMAGES[i % REFERENCE_IMAGES.length];
      const response = await postImage('/api/v1/saliency', reference(`${name}.png`), {}, { 'Cache-Control': 'no-cache' });
      expect(response.status).toBe(201);
      const h = await health();
      heaps.push(h.wasmHeapBytes);
      tensors.push(h.numTensors);
    }
    let lastGrowth = 0;
    for (let i = 1; i < heaps.length; i++) if (heaps[i] > heaps[i - 1]) lastGrowth = i;
    console.log(JSON.stringify({ wasmHeapMiB: { first: heaps[0] / MiB, max: Math.max(...heaps) / MiB, last: heaps[49] / MiB }, lastGrowthAtRequest: lastGrowth + 1, numTensors: [tensors[0], tensors[49]] }));
    expect(Math.max(...heaps)).toBeLessThanOrEqual(64 * MiB);
    // Stable: whatever growth there is happens in the first requests, none over the last 40.
    expect(heaps[49]).toBe(heaps[9]);
    expect(new Set(tensors).size).toBe(1);
  });
});

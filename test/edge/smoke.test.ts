import { describe, expect, it } from 'vitest';
import { fetchApi, postImage, reference } from './helpers.ts';

describe('smoke', () => {
  it('health and a saliency map', async () => {
    const health = await fetchApi('/api/v1/health');
    const h = await health.json();
    console.log(health.status, JSON.stringify(h));
    const res = await postImage('/api/v1/saliency', reference('00_hay.png'));
    const body = await res.json();
    console.log(res.status, JSON.stringify(body).slice(0, 1500));
    expect(res.status).toBe(201);
  });
});

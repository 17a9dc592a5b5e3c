/**
 * Fidelity through the API: for the twelve reference images, top-1 class and the saliency map of the
 * top class (downloaded as .npy) match an independent PyTorch implementation
 * (/work/shared/models/squeezenet1_1/reference/imagenet_val_25).
 */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { REFERENCE_IMAGES, parseNpy, pearson, postImage, reference, referenceSummary } from './helpers.ts';

describe('fidelity through the API', () => {
  const summary = new Map(referenceSummary().map((s) => [s.image.replace(/\.png$/, ''), s]));

  it.each(REFERENCE_IMAGES)('%s: top-1 and saliency map (Pearson r ≥ 0.999) match the reference', async (name) => {
    const expected = summary.get(name)!;
    const referenceLogits = parseNpy(reference(`${name}.logits.npy`)).data;
    const referenceMap = parseNpy(reference(`${name}.saliency_top.npy`));

    const response = await postImage('/api/v1/saliency', reference(`${name}.png`), { class: 'top' }, { 'Cache-Control': 'no-cache' });
    expect(response.status).toBe(201);
    const doc = (await response.json()) as {
      class: { index: number };
      predictions: { index: number; score: number }[];
      maps: { rawUrl: string }[];
    };
    expect(doc.class.index).toBe(expected.top);
    expect(doc.predictions[0].index).toBe(expected.top);
    expect(doc.predictions[0].score).toBeCloseTo(referenceLogits[expected.top], 3);

    const raw = parseNpy(new Uint8Array(await (await SELF.fetch(doc.maps[0].rawUrl)).arrayBuffer()));
    expect(raw.shape).toEqual(referenceMap.shape);
    expect(pearson(raw.data, referenceMap.data)).toBeGreaterThanOrEqual(0.999);
  });
});

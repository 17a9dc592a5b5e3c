import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../../cli/wasm-backend.ts';
import { integratedGradients } from '../../../core/saliency/integrated-gradients.ts';
import { smoothGrad } from '../../../core/saliency/smooth-grad.ts';
import { vanillaGradient } from '../../../core/saliency/vanilla-gradient.ts';
import { saliencyMaps } from '../../../core/saliency/saliency-maps.ts';
import { analyticModel, finiteDifferences } from '../../helpers/analytic-model.ts';

beforeAll(useWasmBackend);

const X = [0.1, 0.7, 0.3, 0.9, 0.2, 1.1, 0.4, 0.5, 0.6, 0.8, 0.05, 0.25];
const input = () => tf.tensor4d(X, [1, 2, 2, 3]);

describe('vanilla gradient', () => {
  it.each([0, 1, 2])('matches finite differences of score %i', async (c) => {
    const model = analyticModel();
    const x = input();
    const grad = await vanillaGradient(model, x, [c]);
    const numeric = finiteDifferences((t) => model.scores(t).dataSync()[c], x);
    const actual = grad.dataSync();
    for (let i = 0; i < X.length; i++) expect(actual[i]).toBeCloseTo(numeric[i], 2);
    tf.dispose([x, grad]);
  });

  it('computes several classes from one forward and one backward pass', async () => {
    const model = analyticModel();
    const x = input();
    const grad = await vanillaGradient(model, x, [0, 1, 2]);
    expect(grad.shape).toEqual([3, 2, 2, 3]);
    expect(model.calls.gradient).toBe(1);
    // Class 1 (Σ y²) has gradient 2y on channel 1 and nothing elsewhere.
    const row1 = tf.slice(grad, [1, 0, 0, 0], [1, -1, -1, -1]).dataSync();
    expect(Array.from(row1)).toEqual(X.map((v, i) => (i % 3 === 1 ? Math.fround(2 * v) : 0)).map((v) => expect.closeTo(v, 5)));
    tf.dispose([x, grad]);
  });
});

describe('SmoothGrad', () => {
  it('leaves a linear score unchanged: the mean of a constant gradient is that constant', async () => {
    const model = analyticModel();
    const x = input();
    const grad = (await smoothGrad(vanillaGradient, { samples: 8, noise: 0.2, seed: 3 })(model, x, [0])).dataSync();
    for (let i = 0; i < X.length; i++) expect(grad[i]).toBeCloseTo(i % 3 === 0 ? 5 : 0, 4);
    expect(model.calls.gradient).toBe(8);
    x.dispose();
  });

  it('averages a quadratic score’s gradient 2(x + n) to about 2x', async () => {
    const model = analyticModel();
    const x = input();
    const grad = (await smoothGrad(vanillaGradient, { samples: 400, noise: 0.1, seed: 1 })(model, x, [1])).dataSync();
    // σ = 0.1 · (1.1 − 0.05); the mean of 400 draws of 2n has standard deviation ≈ 0.0105.
    for (let i = 1; i < X.length; i += 3) expect(Math.abs(grad[i] - 2 * X[i])).toBeLessThan(0.05);
    x.dispose();
  });
});

describe('SmoothGrad seeds', () => {
  it.each([0, 1, 7])('seed %i gives the same map every time (TF.js takes a seed of 0 as none; the core never passes it one)', async (seed) => {
    const model = analyticModel();
    const x = input();
    const run = async () => (await smoothGrad(vanillaGradient, { samples: 3, noise: 0.3, seed })(model, x, [1])).dataSync();
    expect(Array.from(await run())).toEqual(Array.from(await run()));
    const other = (await smoothGrad(vanillaGradient, { samples: 3, noise: 0.3, seed: seed + 1 })(model, x, [1])).dataSync();
    expect(Array.from(other)).not.toEqual(Array.from(await run()));
    x.dispose();
  });
});

describe('Integrated Gradients', () => {
  it('is exact for a quadratic score with the midpoint rule: x² − b²', async () => {
    const model = analyticModel();
    const x = input();
    const baseline = 0.2;
    const ig = (await integratedGradients({ steps: 4, baseline: (t) => tf.fill(t.shape, baseline) as tf.Tensor4D })(model, x, [1])).dataSync();
    for (let i = 1; i < X.length; i += 3) expect(ig[i]).toBeCloseTo(X[i] ** 2 - baseline ** 2, 5);
    x.dispose();
  });

  it('satisfies completeness for the sine score: Σ attributions ≈ f(x) − f(baseline)', async () => {
    const model = analyticModel();
    const x = input();
    const ig = (await integratedGradients({ steps: 50, baseline: (t) => tf.zerosLike(t) })(model, x, [2])).dataSync();
    const total = Array.from(ig).reduce((a, b) => a + b, 0);
    const expected = X.filter((_, i) => i % 3 === 2).reduce((a, v) => a + Math.sin(v), 0);
    expect(total).toBeCloseTo(expected, 3);
    x.dispose();
  });
});

describe('saliencyMaps', () => {
  const image = { width: 2, height: 2, data: Uint8Array.from(X.map((v) => Math.round(Math.min(v, 1) * 255))) };

  it('takes max over channels of |gradient| for the top class, with one gradient pass', async () => {
    const model = analyticModel();
    const { predictions, maps } = await saliencyMaps(model, image);
    expect(predictions[0].index).toBe(0); // 5·Σx dominates
    expect(maps).toHaveLength(1);
    expect(Array.from(maps[0].data)).toEqual([5, 5, 5, 5]);
    expect(model.calls).toEqual({ scores: 0, gradient: 1 });
  });

  it('gives the top-k classes side by side in score order', async () => {
    const model = analyticModel();
    const { maps } = await saliencyMaps(model, image, { topK: 3 });
    // Scores: 5·Σx ≈ 5.5, Σ sin z ≈ 1.95, Σ y² ≈ 0.78 (hand-computed from X).
    expect(maps.map((m) => m.class.index)).toEqual([0, 2, 1]);
    expect(model.calls.gradient).toBe(1);
  });

  it('explains a class given by name', async () => {
    const { maps } = await saliencyMaps(analyticModel(), image, { class: 'sine z' });
    expect(maps[0].class).toEqual({ index: 2, name: 'sine z' });
    const pixels = Array.from(image.data).filter((_, i) => i % 3 === 2).map((p) => Math.cos(p / 255));
    pixels.forEach((v, i) => expect(maps[0].data[i]).toBeCloseTo(v, 5));
  });

  it('rejects an unknown method and a bad topK with typed errors', async () => {
    await expect(saliencyMaps(analyticModel(), image, { method: 'guided' as never })).rejects.toMatchObject({ code: 'options/invalid' });
    await expect(saliencyMaps(analyticModel(), image, { topK: 0 })).rejects.toMatchObject({ code: 'options/invalid' });
    await expect(saliencyMaps(analyticModel(), image, { class: 'zebra' })).rejects.toMatchObject({ code: 'class/unknown' });
  });

  it('refuses more top-k maps than the model has classes, instead of returning fewer', async () => {
    await expect(saliencyMaps(analyticModel(), image, { topK: 4 })).rejects.toMatchObject({ code: 'options/invalid', message: expect.stringContaining('at most 3') });
  });

  it.each([
    ['smoothgrad', { samples: 0 }],
    ['smoothgrad', { samples: 2.5 }],
    ['smoothgrad', { samples: Number.NaN }],
    ['smoothgrad', { noise: -0.1 }],
    ['smoothgrad', { noise: Number.NaN }],
    ['integrated-gradients', { steps: 0 }],
    ['integrated-gradients', { steps: 1.5 }],
  ] as const)('refuses %s with %j as a typed error, leaking no tensor', async (method, extra) => {
    const before = tf.memory().numTensors;
    await expect(saliencyMaps(analyticModel(), image, { method, ...extra })).rejects.toMatchObject({ code: 'options/invalid' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses an image that is not at model resolution rather than cutting its map into wrong planes', async () => {
    const big = { width: 3, height: 3, data: new Uint8Array(27) };
    await expect(saliencyMaps(analyticModel(), big)).rejects.toMatchObject({ code: 'options/invalid', message: expect.stringContaining('2×2') });
    const short = { width: 2, height: 2, data: new Uint8Array(11) };
    await expect(saliencyMaps(analyticModel(), short)).rejects.toMatchObject({ code: 'options/invalid' });
  });
});

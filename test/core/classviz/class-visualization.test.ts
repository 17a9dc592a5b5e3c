import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../../cli/wasm-backend.ts';
import { ascend } from '../../../core/classviz/ascend.ts';
import { classVisualization } from '../../../core/classviz/class-visualization.ts';
import { gaussianBlur, gaussianTaps } from '../../../core/classviz/gaussian-blur.ts';
import { classScore, l2Penalty, totalVariationPenalty } from '../../../core/classviz/objectives.ts';
import { createRng } from '../../../core/classviz/rng.ts';
import { roll } from '../../../core/classviz/roll.ts';
import { analyticModel, finiteDifferences } from '../../helpers/analytic-model.ts';

beforeAll(useWasmBackend);

const X = [0.1, 0.7, 0.3, 0.9, 0.2, 0.5, 0.4, 0.5, 0.6, 0.8, 0.05, 0.25];

describe('one ascent step', () => {
  it('moves by η·∇(score − λ‖x‖² − μ·TV), the gradient checked by finite differences of the formula written out', async () => {
    const model = analyticModel();
    const x = tf.tensor4d(X, [1, 2, 2, 3]);
    const [lambda, mu] = [0.1, 0.05];
    const objectives = [classScore(1), l2Penalty(lambda), totalVariationPenalty(mu)];
    // Written independently of the objectives: Σ y² − λ Σ x² − μ Σ (vertical and horizontal neighbour differences)².
    const at = (v: ArrayLike<number>, h: number, w: number, c: number) => v[(h * 2 + w) * 3 + c];
    const total = (t: tf.Tensor4D) => {
      const v = t.dataSync();
      let sum = 0;
      for (let h = 0; h < 2; h++) {
        for (let w = 0; w < 2; w++) {
          sum += at(v, h, w, 1) ** 2;
          for (let c = 0; c < 3; c++) {
            sum -= lambda * at(v, h, w, c) ** 2;
            if (h + 1 < 2) sum -= mu * (at(v, h + 1, w, c) - at(v, h, w, c)) ** 2;
            if (w + 1 < 2) sum -= mu * (at(v, h, w + 1, c) - at(v, h, w, c)) ** 2;
          }
        }
      }
      return sum;
    };
    const numeric = finiteDifferences(total, x, 1e-2);
    const { x: next } = await ascend(model, x, objectives, [0, 0], 2, 'raw');
    const moved = tf.sub(next, x).dataSync();
    moved.forEach((d, i) => expect(d).toBeCloseTo(2 * numeric[i], 2));
    // The objectives' own values agree with the formula.
    const scores = model.scores(x).dataSync() as Float32Array;
    expect(objectives.reduce((sum, o) => sum + o.value(scores, x), 0)).toBeCloseTo(total(x), 5);
    tf.dispose([x, next]);
  });

  it('takes the gradient at the jittered image and rolls it back (same step as without jitter for a shift-invariant objective)', async () => {
    const model = analyticModel();
    const x = tf.tensor4d(X, [1, 2, 2, 3]);
    const plain = (await ascend(model, x, [classScore(1)], [0, 0], 1, 'raw')).x;
    const jittered = (await ascend(model, x, [classScore(1)], [1, 1], 1, 'raw')).x;
    Array.from(jittered.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(plain.dataSync()[i], 6));
    tf.dispose([x, plain, jittered]);
  });

  it('with the normalized rule, moves by exactly η in L2', async () => {
    const model = analyticModel();
    const x = tf.tensor4d(X, [1, 2, 2, 3]);
    const { x: next } = await ascend(model, x, [classScore(2), l2Penalty(0.01)], [0, 0], 0.3, 'normalized');
    expect(tf.norm(tf.sub(next, x)).dataSync()[0]).toBeCloseTo(0.3, 5);
    tf.dispose([x, next]);
  });
});

describe('transforms', () => {
  it('roll is a circular shift that roll(−dy, −dx) undoes', () => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1]);
    expect(Array.from(roll(x, 0, 1).dataSync())).toEqual([3, 1, 2, 6, 4, 5]);
    expect(Array.from(roll(x, 1, 0).dataSync())).toEqual([4, 5, 6, 1, 2, 3]);
    expect(Array.from(roll(roll(x, 1, 2), -1, -2).dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('Gaussian taps sum to one and blur keeps a constant image constant', () => {
    const taps = gaussianTaps(0.5);
    expect(taps).toHaveLength(5);
    expect(taps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(taps[2]).toBeCloseTo(1 / (1 + 2 * Math.exp(-2) + 2 * Math.exp(-8)), 10);
    const flat = gaussianBlur(tf.fill([1, 6, 6, 3], 0.7) as tf.Tensor4D, 0.5).dataSync();
    flat.forEach((v) => expect(v).toBeCloseTo(0.7, 6));
  });

  it('the seeded RNG repeats itself', () => {
    const a = createRng(7);
    const b = createRng(7);
    const draws = Array.from({ length: 5 }, () => a.int(0, 16));
    expect(Array.from({ length: 5 }, () => b.int(0, 16))).toEqual(draws);
    expect(draws.every((d) => d >= 0 && d <= 16)).toBe(true);
  });
});

describe('classVisualization', () => {
  const options = { class: 1, iterations: 6, learningRate: 0.05, jitter: 1, blurEvery: 3, seed: 4, frameEvery: 2 } as const;

  it('raises the class score, reports each step with frames, and is repeatable for a seed', async () => {
    const model = analyticModel();
    const steps: number[] = [];
    const frames: number[] = [];
    const first = await classVisualization(model, { ...options, onStep: (s) => void (steps.push(s.step), s.image && frames.push(s.step)) });
    expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
    expect(frames).toEqual([2, 4, 6]);
    const again = await classVisualization(model, options);
    expect(Array.from(again.image.data)).toEqual(Array.from(first.image.data));
    const other = await classVisualization(model, { ...options, seed: 5 });
    expect(Array.from(other.image.data)).not.toEqual(Array.from(first.image.data));
  });

  it('raises the class score step by step (no blur, no jitter), up to the final 8-bit image', async () => {
    const model = analyticModel();
    const scores: number[] = [];
    const result = await classVisualization(model, { class: 1, iterations: 8, learningRate: 0.05, l2: 0, jitter: 0, blurEvery: 0, seed: 4, onStep: (s) => void scores.push(s.score) });
    // Step k reports the score of class 1 (Σ y²) at the image before its update; from step 2 on that image is
    // clamped to valid pixels (step 1's noise is not), and from there every step raises the score.
    for (let k = 2; k < scores.length; k++) expect(scores[k]).toBeGreaterThan(scores[k - 1]);
    const final = tf.tidy(() => model.scores(tf.div(tf.tensor4d(Float32Array.from(result.image.data), [1, 2, 2, 3]), 255)).dataSync()[1]);
    expect(final).toBeGreaterThan(scores[1]);
  });

  it('can be cancelled and refuses bad settings', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(classVisualization(analyticModel(), { ...options, signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    await expect(classVisualization(analyticModel(), { ...options, iterations: -1 })).rejects.toMatchObject({ code: 'options/invalid' });
    await expect(classVisualization(analyticModel(), { ...options, class: 'top' })).rejects.toMatchObject({ code: 'options/invalid' });
  });

  it.each([
    { learningRate: Number.POSITIVE_INFINITY },
    { blurSigma: Number.POSITIVE_INFINITY },
    // radius ⌈4σ⌉ = 3 > 2 pixels: the mirrored border would not exist
    { blurSigma: 0.6 },
  ])('refuses %j with a typed error instead of crashing in the blur', async (extra) => {
    await expect(classVisualization(analyticModel(), { ...options, ...extra })).rejects.toMatchObject({ code: 'options/invalid' });
  });

  it('accepts the largest blur the image allows, and any σ when blurring is off', async () => {
    await expect(classVisualization(analyticModel(), { ...options, blurSigma: 0.5 })).resolves.toMatchObject({ steps: 6 });
    await expect(classVisualization(analyticModel(), { ...options, blurEvery: 0, blurSigma: 100 })).resolves.toMatchObject({ steps: 6 });
  });
});

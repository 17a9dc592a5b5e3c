import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../../cli/wasm-backend.ts';
import { crossEntropyCotangent } from '../../../core/adversarial/cross-entropy-cotangent.ts';
import { fgsm } from '../../../core/adversarial/fgsm.ts';
import { fool } from '../../../core/adversarial/fool.ts';
import { normalizedStep } from '../../../core/adversarial/normalized-step.ts';
import { normalizedGradientStep } from '../../../core/adversarial/normalized-gradient-step.ts';
import { perturbationMetrics } from '../../../core/adversarial/perturbation-metrics.ts';
import { softmax } from '../../../core/predict/top-predictions.ts';
import { normalize } from '../../../core/tensor/image-tensor.ts';
import { UNIT_PREPROCESSING, analyticModel, finiteDifferences } from '../../helpers/analytic-model.ts';

beforeAll(useWasmBackend);

// Mid-range pixels, so ε steps never clip.
const PIXELS = [60, 120, 80, 140, 90, 100, 70, 110, 130, 100, 150, 90];
const image = { width: 2, height: 2, data: Uint8Array.from(PIXELS) };

function crossEntropy(scores: Float32Array | number[], label: number): number {
  return -Math.log(softmax(scores)[label]);
}

describe('cross-entropy cotangent', () => {
  it('equals finite differences of −log softmax', () => {
    const model = analyticModel();
    const x = tf.tensor4d(PIXELS.map((p) => p / 255), [1, 2, 2, 3]);
    const { scores, grad } = model.gradient(x, (s) => crossEntropyCotangent(s, 2));
    const numeric = finiteDifferences((t) => crossEntropy(model.scores(t).dataSync() as Float32Array, 2), x, 1e-2);
    grad.dataSync().forEach((g, i) => expect(g).toBeCloseTo(numeric[i], 2));
    tf.dispose([x, scores, grad]);
  });
});

describe('FGSM', () => {
  it('untargeted: moves every pixel by ε along the sign of the finite-difference loss gradient of the top class', async () => {
    const model = analyticModel();
    const x = tf.tensor4d(PIXELS.map((p) => p / 255), [1, 2, 2, 3]);
    const top = 0;
    const numeric = finiteDifferences((t) => crossEntropy(model.scores(t).dataSync() as Float32Array, top), x, 1e-2);
    x.dispose();
    const report = await fgsm(model, image, { epsilon: 3 });
    expect(report.before[0].index).toBe(top);
    PIXELS.forEach((p, i) => expect(report.adversarial.data[i]).toBe(p + 3 * Math.sign(numeric[i])));
    expect(report.linf).toBe(3);
    expect(report.l2).toBeCloseTo(Math.sqrt(12 * 9), 6);
    expect(report.kind).toBe('fgsm');
  });

  it('targeted: steps against the loss gradient of the target', async () => {
    const model = analyticModel();
    const x = tf.tensor4d(PIXELS.map((p) => p / 255), [1, 2, 2, 3]);
    const numeric = finiteDifferences((t) => crossEntropy(model.scores(t).dataSync() as Float32Array, 1), x, 1e-2);
    x.dispose();
    const report = await fgsm(model, image, { epsilon: 2, target: 'y squared' });
    expect(report.target).toEqual({ index: 1, name: 'y squared' });
    PIXELS.forEach((p, i) => expect(report.adversarial.data[i]).toBe(p - 2 * Math.sign(numeric[i])));
  });

  it('for a BGR model, moves each RGB pixel along the sign of the loss gradient with respect to that pixel', async () => {
    // score0 = 5·Σ x_n[…, 0] reads blue here: a gradient left in the model's order would move red instead.
    const model = analyticModel(2, { ...UNIT_PREPROCESSING, channelOrder: 'bgr' });
    const pixels = tf.tensor4d(PIXELS, [1, 2, 2, 3]);
    const loss = (p: tf.Tensor4D) => crossEntropy(model.scores(normalize(p, model.info)).dataSync() as Float32Array, 0);
    const numeric = finiteDifferences(loss, pixels, 1);
    pixels.dispose();
    const report = await fgsm(model, image, { epsilon: 3 });
    expect(report.before[0].index).toBe(0);
    expect(numeric.filter((_, i) => i % 3 === 2).every((g) => g < 0)).toBe(true);
    PIXELS.forEach((p, i) => expect(report.adversarial.data[i]).toBe(p + 3 * Math.sign(numeric[i])));
  });

  it('refuses ε outside 0–255', async () => {
    await expect(fgsm(analyticModel(), image, { epsilon: 300 })).rejects.toMatchObject({ code: 'options/invalid' });
    await expect(fgsm(analyticModel(), image, { epsilon: Number.NaN })).rejects.toMatchObject({ code: 'options/invalid' });
  });

  it('refuses an image that is not at model resolution', async () => {
    await expect(fgsm(analyticModel(), { width: 1, height: 4, data: new Uint8Array(12) })).rejects.toMatchObject({ code: 'options/invalid' });
  });
});

describe('normalized gradient step', () => {
  it('moves by exactly η along the unit finite-difference gradient of the target score', async () => {
    const model = analyticModel();
    const x = tf.tensor4d(PIXELS.map((p) => p / 255), [1, 2, 2, 3]);
    const numeric = finiteDifferences((t) => model.scores(t).dataSync()[2], x, 1e-2);
    const norm = Math.hypot(...numeric);
    const { next } = await normalizedGradientStep(model, x, 2, 0.5);
    const moved = tf.sub(next, x).dataSync();
    moved.forEach((d, i) => expect(d).toBeCloseTo((0.5 * numeric[i]) / norm, 3));
    tf.dispose([x, next]);
  });

  it('falls back to the cross-entropy direction when the target score has no gradient: a unit step down −∇CE', async () => {
    const model = analyticModel();
    // y = 0 everywhere: the gradient 2y of score₁ = Σ y² is exactly zero (as a dead ReLU class's is).
    // (cos(π/2) of the sine score is not: float32 gives −4e-8, and the step would follow that instead.)
    const x = tf.tensor4d([0.1, 0, 0.4, 0.3, 0, 0.2, 0.2, 0, 0.7, 0.1, 0, 0.5], [1, 2, 2, 3]);
    // CE(target 1) = log Σ exp(scores) − score₁, written out; the step must go along −∇CE, by exactly η.
    const crossEntropy = (t: tf.Tensor4D) => {
      const s = Array.from(model.scores(t).dataSync());
      return Math.log(s.reduce((sum, v) => sum + Math.exp(v), 0)) - s[1];
    };
    const numeric = finiteDifferences(crossEntropy, x, 1e-3);
    const norm = Math.hypot(...numeric);
    const { next } = await normalizedGradientStep(model, x, 1, 1);
    const moved = tf.sub(next, x);
    expect(tf.norm(moved).dataSync()[0]).toBeCloseTo(1, 4);
    Array.from(moved.dataSync()).forEach((d, i) => expect(d).toBeCloseTo(-numeric[i] / norm, 3));
    tf.dispose([x, next, moved]);
  });
});

describe('fool (targeted iterative attack)', () => {
  it('stops at the first step where the target wins and counts the steps before it', async () => {
    const model = analyticModel();
    const steps: number[] = [];
    const report = await fool(model, image, { target: 1, learningRate: 0.5, onStep: (s) => void steps.push(s.step) });
    expect(report.success).toBe(true);
    expect(report.after[0].index).toBe(1);
    expect(steps).toEqual(Array.from({ length: report.steps + 1 }, (_, i) => i));
    expect(report.targetProbabilityAfter!).toBeGreaterThan(report.targetProbabilityBefore!);
  });

  it('reports failure when maxSteps is too small, with the image unchanged at 0 steps', async () => {
    const report = await fool(analyticModel(), image, { target: 1, maxSteps: 0 });
    expect(report.success).toBe(false);
    expect(report.steps).toBe(0);
    expect(report.l2).toBe(0);
    expect(report.psnr).toBe(Infinity);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the learning rate %s for fool and for one step', async (learningRate) => {
    await expect(fool(analyticModel(), image, { target: 1, learningRate })).rejects.toMatchObject({ code: 'options/invalid' });
    await expect(normalizedStep(analyticModel(), image, { target: 1, learningRate })).rejects.toMatchObject({ code: 'options/invalid' });
  });

  it('frees its tensors when onStep throws mid-attack (a cancelled job)', async () => {
    const model = analyticModel();
    const before = tf.memory().numTensors;
    const stopAtTwo = (s: { step: number }) => {
      if (s.step === 2) throw new Error('stopped by the caller');
    };
    await expect(fool(model, image, { target: 1, learningRate: 0.001, onStep: stopAtTwo })).rejects.toThrow('stopped by the caller');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fool(analyticModel(), image, { target: 1, signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('perturbation metrics', () => {
  it('computes L2, L∞ and PSNR in 0–255 units', () => {
    const a = { width: 2, height: 1, data: Uint8Array.from([0, 0, 0, 0, 0, 0]) };
    const b = { width: 2, height: 1, data: Float32Array.from([3, 4, 0, 0, 0, 0]) };
    const m = perturbationMetrics(a, b);
    expect(m.l2).toBe(5);
    expect(m.linf).toBe(4);
    expect(m.psnr).toBeCloseTo(10 * Math.log10((255 * 255) / (25 / 6)), 10);
  });
});

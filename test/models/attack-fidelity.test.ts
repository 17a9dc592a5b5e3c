import { beforeAll, describe, expect, it } from 'vitest';
import { fgsm } from '../../core/adversarial/fgsm.ts';
import { fool } from '../../core/adversarial/fool.ts';
import type { Classifier } from '../../core/model.ts';
import { loadNodeModel } from '../../cli/node-model.ts';
import { referenceCases, sampleImage } from '../helpers/real-model.ts';

let model: Classifier;
beforeAll(async () => {
  model = await loadNodeModel('squeezenet1_1');
});

const cases = referenceCases().map((c) => [c.name, c] as const);

describe('attacks on the real model agree with the PyTorch reference', () => {
  it.each(cases)('%s: untargeted FGSM at ε = 2 lands on the reference class', async (name, ref) => {
    const report = await fgsm(model, sampleImage(name), { epsilon: 2 });
    expect(report.before[0].index).toBe(ref.top);
    expect(report.after[0].index).toBe(ref.fgsmEpsilon2Top);
    expect(report.linf).toBe(2);
  });

  it.each(cases)('%s: the targeted attack (η = 1) succeeds within ±2 steps of the reference', async (name, ref) => {
    const report = await fool(model, sampleImage(name), { target: ref.foolTarget, learningRate: 1, maxSteps: 100 });
    expect(ref.foolSteps).toBeGreaterThan(0);
    expect(report.success).toBe(true);
    expect(report.after[0].index).toBe(ref.foolTarget);
    expect(Math.abs(report.steps - ref.foolSteps)).toBeLessThanOrEqual(2);
  });
});

import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../../cli/wasm-backend.ts';
import type { Classifier } from '../../../core/model.ts';
import { saliencyMaps } from '../../../core/saliency/saliency-maps.ts';
import { analyticModel } from '../../helpers/analytic-model.ts';

beforeAll(useWasmBackend);

const image = { width: 2, height: 2, data: new Uint8Array([10, 200, 30, 90, 40, 250, 60, 70, 80, 120, 5, 140]) };

/** The analytic model with a hook run after each of its gradient passes. */
function watchedModel(afterPass: (pass: number) => void): Classifier & { calls: { gradient: number } } {
  const model = analyticModel();
  const gradient = model.gradient.bind(model);
  model.gradient = (x, cotangent) => {
    const out = gradient(x, cotangent);
    afterPass(model.calls.gradient);
    return out;
  };
  return model;
}

/** Spins for `ms`: a pass that takes real time on a single thread, as a large model's pass does. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe.each(['smoothgrad', 'integrated-gradients'] as const)('%s with an AbortSignal', (method) => {
  const options = { method, samples: 50, steps: 50 };

  it('refuses to start when the signal has already fired, and runs no pass', async () => {
    const model = watchedModel(() => undefined);
    const before = tf.memory().numTensors;
    await expect(saliencyMaps(model, image, { ...options, signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'aborted' });
    expect(model.calls.gradient).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops between passes when the signal fires mid-way, leaking no tensor', async () => {
    const controller = new AbortController();
    const model = watchedModel((pass) => {
      if (pass === 3) controller.abort();
    });
    const before = tf.memory().numTensors;
    await expect(saliencyMaps(model, image, { ...options, signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    expect(model.calls.gradient).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('lets the event loop run while it works, so a timer set before it fires before it ends', async () => {
    let timerFired = false;
    let firedBeforeLastPass = false;
    const model = watchedModel((pass) => {
      busy(5);
      if (pass === 50) firedBeforeLastPass = timerFired;
    });
    setTimeout(() => (timerFired = true), 0);
    await saliencyMaps(model, image, options);
    expect(firedBeforeLastPass).toBe(true);
  });
});

import * as tf from '@tensorflow/tfjs-core';
import { checkParameter } from '../check-parameter.ts';
import { DEFAULTS } from '../defaults.ts';
import { GradlensError } from '../errors.ts';
import type { Classifier } from '../model.ts';
import { classScores } from '../predict/predict.ts';
import { resolveClass } from '../predict/resolve-class.ts';
import { argMax, predictionOf, topPredictions } from '../predict/top-predictions.ts';
import { imageToInput, inputToFloatImage, quantize } from '../tensor/image-tensor.ts';
import { onStandardInput } from '../tensor/standard-input.ts';
import type { ClassTarget, FloatRgbImage, Prediction, RgbImage } from '../types.ts';
import { attackReport, type AttackReport } from './attack-report.ts';
import { normalizedGradientStep } from './normalized-gradient-step.ts';

export interface FoolStep {
  /** Steps taken so far. */
  step: number;
  targetProbability: number;
  top: Prediction;
}

export interface FoolOptions {
  target: ClassTarget;
  /** η of x ← x + η·g/‖g‖₂ on the standard input (core/tensor/standard-input.ts). */
  learningRate?: number;
  maxSteps?: number;
  /** Keep stepping until the image rounded to 8 bits also fools the model (within maxSteps). */
  until8bit?: boolean;
  onStep?: (progress: FoolStep) => void | Promise<void>;
  signal?: AbortSignal;
}

function blackImage(size: number): RgbImage {
  return { width: size, height: size, data: new Uint8Array(size * size * 3) };
}

async function foolsWhenSaved(model: Classifier, x: tf.Tensor4D, target: number): Promise<boolean> {
  return argMax(await classScores(model, quantize(await inputToFloatImage(x, model.info)))) === target;
}

/**
 * The targeted iterative attack of the source report: x_n ← x_n + η·g/‖g‖₂ (g = ∇ score_target on the
 * normalized input, in standard units for every model) until the arg-max is the target or `maxSteps`
 * steps are spent. No clamping between steps (as in the reference); the report says whether the 8-bit
 * PNG still fools the model.
 *
 * @example
 * const report = await fool(model, null, { target: 'stingray' }); // from a black image
 */
export async function fool(model: Classifier, image: RgbImage | null, options: FoolOptions): Promise<AttackReport> {
  const learningRate = checkParameter('attack', 'learningRate', options.learningRate ?? DEFAULTS.attack.learningRate);
  const maxSteps = checkParameter('attack', 'maxSteps', options.maxSteps ?? DEFAULTS.attack.maxSteps);
  if (options.target === 'top') throw new GradlensError('options/invalid', 'The targeted attack needs a target class other than `top`.');
  const target = resolveClass(model.info, options.target);
  const original = image ?? blackImage(model.info.inputSize);
  const names = model.info.classNames;
  const standard = onStandardInput(model);
  let x = imageToInput(original, standard.info);
  let originalScores: Float32Array | null = null;
  let steps = 0;
  let finalScores: Float32Array;
  let adversarial: FloatRgbImage;
  // try/finally: a throwing onStep (a cancelled job) must not leave the current image behind.
  try {
    for (;;) {
      const { scores, next } = await normalizedGradientStep(standard, x, target.index, learningRate);
      let done: boolean;
      try {
        originalScores ??= scores;
        await options.onStep?.({ step: steps, targetProbability: predictionOf(scores, names, target.index).probability, top: topPredictions(scores, names, 1)[0] });
        const reached = argMax(scores) === target.index && (!options.until8bit || (await foolsWhenSaved(standard, x, target.index)));
        done = reached || steps >= maxSteps || Boolean(options.signal?.aborted);
      } catch (error) {
        next.dispose();
        throw error;
      }
      if (done) {
        next.dispose();
        finalScores = scores;
        break;
      }
      x.dispose();
      x = next;
      steps += 1;
    }
    // No step taken: the image itself rather than its round trip through the standard input (off by ~1e-6 levels).
    adversarial = steps === 0 ? { ...original, data: Float32Array.from(original.data) } : await inputToFloatImage(x, standard.info);
  } finally {
    x.dispose();
  }
  if (options.signal?.aborted) throw new GradlensError('aborted', 'The attack was cancelled.');
  return attackReport(model, { kind: 'fool', steps, target, original, originalScores: originalScores!, adversarial, adversarialScores: finalScores });
}

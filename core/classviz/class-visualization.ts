import * as tf from '@tensorflow/tfjs-core';
import { checkParameter } from '../check-parameter.ts';
import { DEFAULTS } from '../defaults.ts';
import { GradlensError } from '../errors.ts';
import type { Classifier } from '../model.ts';
import { resolveClass } from '../predict/resolve-class.ts';
import { predictionOf } from '../predict/top-predictions.ts';
import { classScores } from '../predict/predict.ts';
import { inputToFloatImage, quantize } from '../tensor/image-tensor.ts';
import { onStandardInput } from '../tensor/standard-input.ts';
import type { ClassRef, ClassTarget, RgbImage } from '../types.ts';
import { ascend } from './ascend.ts';
import { clampToImage } from './clamp-to-image.ts';
import { blurRadius, gaussianBlur } from './gaussian-blur.ts';
import { initialImage, type InitialImage } from './initial-image.ts';
import { classScore, l2Penalty, totalVariationPenalty, type Objective } from './objectives.ts';
import { PRESETS, TUNABLE_SETTINGS, type ClassVisualizationSettings } from './presets.ts';
import { createRng } from './rng.ts';

export interface ClassVisualizationProgress {
  step: number;
  total: number;
  /** Raw score of the target class at this step. */
  score: number;
  probability: number;
  /** The image so far, every `frameEvery` steps and at the end. */
  image?: RgbImage;
}

export interface ClassVisualizationOptions extends Partial<ClassVisualizationSettings> {
  class: ClassTarget;
  preset?: keyof typeof PRESETS;
  seed?: number;
  init?: InitialImage;
  frameEvery?: number;
  /** Awaited every step: a caller can pause here, or report progress. */
  onStep?: (progress: ClassVisualizationProgress) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface ClassVisualizationResult {
  class: ClassRef;
  image: RgbImage;
  /** Softmax probability of the class for the final 8-bit image. */
  probability: number;
  steps: number;
  settings: ClassVisualizationSettings;
}

async function toImage(x: tf.Tensor4D, model: Classifier): Promise<RgbImage> {
  return quantize(await inputToFloatImage(x, model.info));
}

function validate(s: ClassVisualizationSettings, inputSize: number): void {
  for (const name of TUNABLE_SETTINGS) checkParameter('classviz', name, s[name]);
  // The blur mirrors the image at its borders once, so the kernel's radius may not exceed the image.
  if (s.blurEvery > 0 && blurRadius(s.blurSigma) > inputSize) {
    const largest = inputSize / 4;
    throw new GradlensError('options/invalid', `blurSigma ${s.blurSigma} is too large for a ${inputSize}-pixel image.`, `Use a blurSigma of at most ${largest}.`);
  }
}

/**
 * Class visualization (Simonyan et al. 2014; Yosinski et al. 2015): gradient ascent on a class score
 * from noise, a black image or a given image, with L2 (and optional TV) regularization, random jitter,
 * periodic Gaussian blur and clamping to valid pixels. Same seed ⇒ same image.
 *
 * @example
 * const { image } = await classVisualization(model, { class: 'tarantula', preset: 'cs231n', seed: 1 });
 */
export async function classVisualization(model: Classifier, options: ClassVisualizationOptions): Promise<ClassVisualizationResult> {
  const settings: ClassVisualizationSettings = { ...PRESETS[options.preset ?? DEFAULTS.classviz.preset] };
  for (const key of Object.keys(settings) as (keyof ClassVisualizationSettings)[]) {
    if (options[key] !== undefined) (settings as unknown as Record<string, unknown>)[key] = options[key];
  }
  validate(settings, model.info.inputSize);
  if (options.class === 'top') throw new GradlensError('options/invalid', 'Class visualization needs a class, not `top`.');
  const target = resolveClass(model.info, options.class);
  const rng = createRng(checkParameter('classviz', 'seed', options.seed ?? DEFAULTS.classviz.seed));
  const frameEvery = options.frameEvery ?? DEFAULTS.classviz.frameEvery;
  const objectives: Objective[] = [classScore(target.index), l2Penalty(settings.l2)];
  if (settings.totalVariation > 0) objectives.push(totalVariationPenalty(settings.totalVariation));
  // Learning rate, penalties and the noise are in standard-input units, so every model's input moves alike.
  const standard = onStandardInput(model);
  let x = initialImage(options.init ?? 'noise', standard.info, rng.seed());
  try {
    for (let t = 0; t < settings.iterations; t++) {
      if (options.signal?.aborted) throw new GradlensError('aborted', 'Class visualization was cancelled.');
      const offset: [number, number] = [rng.int(0, settings.jitter), rng.int(0, settings.jitter)];
      const { x: stepped, scores } = await ascend(standard, x, objectives, offset, settings.learningRate, settings.step);
      x.dispose();
      x = tf.tidy(() => {
        const clamped = clampToImage(stepped, standard.info);
        return settings.blurEvery > 0 && t % settings.blurEvery === 0 ? gaussianBlur(clamped, settings.blurSigma) : clamped;
      });
      stepped.dispose();
      const last = t === settings.iterations - 1;
      const frame = frameEvery > 0 && ((t + 1) % frameEvery === 0 || last) ? await toImage(x, standard) : undefined;
      const probability = predictionOf(scores, model.info.classNames, target.index).probability;
      await options.onStep?.({ step: t + 1, total: settings.iterations, score: scores[target.index], probability, image: frame });
    }
    const image = await toImage(x, standard);
    const probability = predictionOf(await classScores(model, image), model.info.classNames, target.index).probability;
    return { class: target, image, probability, steps: settings.iterations, settings };
  } finally {
    x.dispose();
  }
}

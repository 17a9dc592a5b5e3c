import * as tf from '@tensorflow/tfjs-core';
import { checkParameter } from '../check-parameter.ts';
import { DEFAULTS } from '../defaults.ts';
import { GradlensError } from '../errors.ts';
import type { Classifier } from '../model.ts';
import { resolveClass } from '../predict/resolve-class.ts';
import { imageToInput, inputToFloatImage } from '../tensor/image-tensor.ts';
import { onStandardInput } from '../tensor/standard-input.ts';
import type { ClassTarget, RgbImage } from '../types.ts';
import { attackReport, type AttackReport } from './attack-report.ts';
import { normalizedGradientStep } from './normalized-gradient-step.ts';

/** A single step of the targeted attack (what a request-sized budget allows; the browser iterates), η in standard-input units. */
export async function normalizedStep(model: Classifier, image: RgbImage, options: { target: ClassTarget; learningRate?: number }): Promise<AttackReport> {
  if (options.target === 'top') throw new GradlensError('options/invalid', 'A targeted step needs a target class other than `top`.');
  const learningRate = checkParameter('attack', 'learningRate', options.learningRate ?? DEFAULTS.attack.learningRate);
  const target = resolveClass(model.info, options.target);
  const standard = onStandardInput(model);
  const x = imageToInput(image, standard.info);
  const { scores, next } = await normalizedGradientStep(standard, x, target.index, learningRate);
  const adversarial = await inputToFloatImage(next, standard.info);
  tf.dispose([x, next]);
  return attackReport(model, { kind: 'normalized-step', steps: 1, target, original: image, originalScores: scores, adversarial });
}

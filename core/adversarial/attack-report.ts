import { DEFAULTS } from '../defaults.ts';
import type { Classifier } from '../model.ts';
import { classScores } from '../predict/predict.ts';
import { argMax, predictionOf, topPredictions } from '../predict/top-predictions.ts';
import { quantize } from '../tensor/image-tensor.ts';
import type { ClassRef, FloatRgbImage, Prediction, RgbImage } from '../types.ts';
import { differenceImage } from './difference-image.ts';
import { perturbationMetrics, type PerturbationMetrics } from './perturbation-metrics.ts';

export type AttackKind = 'fgsm' | 'fgsm-targeted' | 'normalized-step' | 'fool';

export interface AttackReport extends PerturbationMetrics {
  kind: AttackKind;
  /** Targeted: the arg-max is the target. Untargeted: the arg-max left the original class. */
  success: boolean;
  /** Gradient steps taken (1 for single-step attacks). */
  steps: number;
  target: ClassRef | null;
  before: Prediction[];
  /** Predictions for the unquantized adversarial image. */
  after: Prediction[];
  targetProbabilityBefore?: number;
  targetProbabilityAfter?: number;
  /** Whether the image saved as an 8-bit PNG (rounded, clipped) still succeeds. */
  survives8bit: boolean;
  /** Predictions for the 8-bit image. */
  after8bit: Prediction[];
  /** The adversarial image as 8-bit pixels (what a PNG holds). */
  adversarial: RgbImage;
  /** 128 + 10·(adversarial − original). */
  difference: RgbImage;
}

export interface ReportInput {
  kind: AttackKind;
  steps: number;
  target: ClassRef | null;
  original: RgbImage;
  /** Scores of the original image. */
  originalScores: Float32Array;
  adversarial: FloatRgbImage;
  /** Scores of the unquantized adversarial image when already known. */
  adversarialScores?: Float32Array;
}

/** Success, predictions before/after (float and 8-bit), perturbation size and the difference image. */
export async function attackReport(model: Classifier, input: ReportInput): Promise<AttackReport> {
  const names = model.info.classNames;
  const { target, originalScores } = input;
  const originalTop = argMax(originalScores);
  const succeeds = (scores: Float32Array) => (target ? argMax(scores) === target.index : argMax(scores) !== originalTop);
  const afterScores = input.adversarialScores ?? (await classScores(model, input.adversarial));
  const adversarial = quantize(input.adversarial);
  const scores8bit = await classScores(model, adversarial);
  return {
    kind: input.kind,
    success: succeeds(afterScores),
    steps: input.steps,
    target,
    before: topPredictions(originalScores, names, DEFAULTS.predict.topK),
    after: topPredictions(afterScores, names, DEFAULTS.predict.topK),
    ...(target && {
      targetProbabilityBefore: predictionOf(originalScores, names, target.index).probability,
      targetProbabilityAfter: predictionOf(afterScores, names, target.index).probability,
    }),
    ...perturbationMetrics(input.original, input.adversarial),
    survives8bit: succeeds(scores8bit),
    after8bit: topPredictions(scores8bit, names, DEFAULTS.predict.topK),
    adversarial,
    difference: differenceImage(input.original, input.adversarial, DEFAULTS.attack.magnification),
  };
}

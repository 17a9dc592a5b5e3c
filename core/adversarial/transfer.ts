import { fitImage } from '../image/fit-image.ts';
import type { Classifier } from '../model.ts';
import { classScores } from '../predict/predict.ts';
import { argMax, predictionOf } from '../predict/top-predictions.ts';
import type { ClassRef, Prediction, RgbImage } from '../types.ts';

/** What another model makes of an attack: its top class for the original and for the adversarial image. */
export interface TransferResult {
  model: string;
  before: Prediction;
  after: Prediction;
  /** The top class moved: untargeted, the attack transfers. */
  changed: boolean;
  /** Targeted: the other model now predicts the target too (null for an untargeted attack). */
  reachedTarget: boolean | null;
}

/**
 * Does an attack made on one model fool others (the source report's question 7)? The 8-bit adversarial
 * image, as saved, and the original go through each other model's own input (fitted to its size, as the
 * one pipeline fits any image), so the answer is what a user of that model would see.
 *
 * @example
 * const report = await fgsm(squeezenet11, image);
 * const transfer = await transferTo([squeezenet10], image, report.adversarial, report.target);
 */
export async function transferTo(models: readonly Classifier[], original: RgbImage, adversarial: RgbImage, target: ClassRef | null): Promise<TransferResult[]> {
  const results: TransferResult[] = [];
  for (const model of models) {
    const { inputSize, classNames, id } = model.info;
    const [before, after] = await Promise.all([classScores(model, fitImage(original, inputSize)), classScores(model, fitImage(adversarial, inputSize))]);
    const top = (scores: Float32Array) => predictionOf(scores, classNames, argMax(scores));
    const a = top(after);
    results.push({ model: id, before: top(before), after: a, changed: argMax(before) !== a.index, reachedTarget: target ? a.index === target.index : null });
  }
  return results;
}

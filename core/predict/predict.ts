import * as tf from '@tensorflow/tfjs-core';
import { DEFAULTS } from '../defaults.ts';
import { GradlensError } from '../errors.ts';
import type { Classifier } from '../model.ts';
import { imageToInput } from '../tensor/image-tensor.ts';
import type { FloatRgbImage, Prediction, RgbImage } from '../types.ts';
import { topPredictions } from './top-predictions.ts';

/** Raw class scores of an image at model resolution. */
export async function classScores(model: Classifier, image: RgbImage | FloatRgbImage): Promise<Float32Array> {
  const scores = tf.tidy(() => model.scores(imageToInput(image, model.info)));
  const data = (await scores.data()) as Float32Array;
  scores.dispose();
  return data;
}

/**
 * Top-k predictions of an image at model resolution.
 *
 * @example
 * const [best] = await predict(model, image, 1); // { index: 958, name: 'hay', probability: 0.99, score: 22.1 }
 */
export async function predict(model: Classifier, image: RgbImage | FloatRgbImage, topK: number = DEFAULTS.predict.topK): Promise<Prediction[]> {
  const classes = model.info.classNames.length;
  if (!Number.isInteger(topK) || topK < 1 || topK > classes) {
    throw new GradlensError('options/invalid', `topK must be a whole number from 1 to ${classes}, got ${topK}.`);
  }
  return topPredictions(await classScores(model, image), model.info.classNames, topK);
}

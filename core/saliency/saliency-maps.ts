import * as tf from '@tensorflow/tfjs-core';
import { checkParameter } from '../check-parameter.ts';
import { DEFAULTS, type SaliencyMethod } from '../defaults.ts';
import { GradlensError } from '../errors.ts';
import type { Classifier } from '../model.ts';
import { resolveClass } from '../predict/resolve-class.ts';
import { checkpoint } from '../run/checkpoint.ts';
import { topPredictions } from '../predict/top-predictions.ts';
import { imageToInput, normalize } from '../tensor/image-tensor.ts';
import type { ClassRef, ClassTarget, Prediction, RgbImage } from '../types.ts';
import type { AttributionMethod } from './attribution.ts';
import { channelMaxAbs } from './channel-max-abs.ts';
import { integratedGradients } from './integrated-gradients.ts';
import { smoothGrad } from './smooth-grad.ts';
import { gradientOfChosenClasses, vanillaGradient, type ClassChooser } from './vanilla-gradient.ts';

export type { SaliencyMethod };

export interface SaliencyOptions {
  /** The class to explain (default `top`); ignored when `topK` is given. */
  class?: ClassTarget;
  /** One map for each of the k most probable classes. */
  topK?: number;
  method?: SaliencyMethod;
  /** SmoothGrad samples. */
  samples?: number;
  /** SmoothGrad noise σ as a fraction of the input range. */
  noise?: number;
  /** Integrated Gradients steps. */
  steps?: number;
  seed?: number;
  /** Stops the work between passes (GradlensError 'aborted') when it fires. */
  signal?: AbortSignal;
}

export interface SaliencyMap {
  class: ClassRef;
  width: number;
  height: number;
  /** max over the channels of |∂ score / ∂ x_n| (x_n the normalized input, in the model's units), row-major H×W. */
  data: Float32Array;
}

export interface SaliencyResult {
  predictions: Prediction[];
  maps: SaliencyMap[];
}

function attributionMethod(model: Classifier, options: SaliencyOptions): AttributionMethod {
  const d = DEFAULTS.saliency;
  const method = options.method ?? d.method;
  if (method === 'vanilla') return vanillaGradient;
  if (method === 'smoothgrad') {
    return smoothGrad(vanillaGradient, {
      samples: checkParameter('saliency', 'samples', options.samples ?? d.samples),
      noise: checkParameter('saliency', 'noise', options.noise ?? d.noise),
      seed: checkParameter('saliency', 'seed', options.seed ?? d.seed),
    });
  }
  if (method === 'integrated-gradients') {
    const black = (x: tf.Tensor4D) => normalize(tf.zerosLike(x), model.info);
    return integratedGradients({ steps: checkParameter('saliency', 'steps', options.steps ?? d.steps), baseline: black });
  }
  throw new GradlensError('options/invalid', `Unknown saliency method "${method}".`, 'Use vanilla, smoothgrad or integrated-gradients.');
}

/** Which classes to explain, chosen on the device from the image's scores (see `ClassChooser`). */
function chooseClasses(model: Classifier, options: SaliencyOptions): ClassChooser {
  if (options.topK !== undefined) {
    const k = checkParameter('saliency', 'topK', options.topK);
    const classes = model.info.classNames.length;
    if (k > classes) throw new GradlensError('options/invalid', `topK must be at most ${classes}: the model has ${classes} classes, got ${k}.`);
    return (s) => tf.tidy(() => tf.reshape(tf.topk(s, k).indices, [k]) as tf.Tensor1D);
  }
  const target = options.class ?? DEFAULTS.saliency.class;
  if (target === 'top') return (s) => tf.argMax(s, 1) as tf.Tensor1D;
  const fixed = resolveClass(model.info, target).index;
  return () => tf.tensor1d([fixed], 'int32');
}

/**
 * Saliency maps of an image at model resolution for the chosen class(es).
 *
 * @example
 * const { predictions, maps } = await saliencyMaps(model, image, { topK: 3, method: 'smoothgrad' });
 */
export async function saliencyMaps(model: Classifier, image: RgbImage, options: SaliencyOptions = {}): Promise<SaliencyResult> {
  const choose = chooseClasses(model, options);
  const method = attributionMethod(model, options);
  const check = checkpoint(options.signal);
  await check();
  const x = imageToInput(image, model.info);
  let scores: tf.Tensor2D | undefined;
  let attribution: tf.Tensor4D;
  let classes: number[];
  try {
    if (method === vanillaGradient) {
      ({ scores, grad: attribution, classes } = await gradientOfChosenClasses(model, x, choose));
    } else {
      scores = model.scores(x);
      const chosen = choose(scores);
      classes = Array.from(await chosen.data());
      chosen.dispose();
      attribution = await method(model, x, classes, check);
    }
  } catch (error) {
    tf.dispose([x, ...(scores ? [scores] : [])]);
    throw error;
  }
  const mapTensor = channelMaxAbs(attribution);
  const [scoreData, mapData] = await Promise.all([scores.data(), mapTensor.data()]);
  tf.dispose([x, scores, attribution, mapTensor]);
  const size = model.info.inputSize;
  const plane = size * size;
  return {
    predictions: topPredictions(scoreData, model.info.classNames, Math.max(DEFAULTS.predict.topK, classes.length)),
    maps: classes.map((index, m) => ({
      class: { index, name: model.info.classNames[index] },
      width: size,
      height: size,
      data: (mapData as Float32Array).slice(m * plane, (m + 1) * plane),
    })),
  };
}

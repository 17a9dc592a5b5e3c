import * as tf from '@tensorflow/tfjs-core';
import type { Classifier, Preprocessing } from '../model.ts';
import { denormalize, normalize, reorderChannels } from './image-tensor.ts';

/**
 * The units the iterative attack's η and the class visualization's settings are given in, whatever
 * the model's own preprocessing: torchvision's ImageNet normalization (RGB, pixels/255, mean and std),
 * where one unit is about 58 pixel levels. Without it an η tuned on SqueezeNet 1.1 would move a Caffe
 * model's input (pixel levels) 58 times less, and its L2 penalty weigh 58² times more.
 */
export const STANDARD_PREPROCESSING: Preprocessing = {
  channelOrder: 'rgb',
  scale: 1 / 255,
  mean: [0.485, 0.456, 0.406],
  std: [0.229, 0.224, 0.225],
};

function isStandard(p: Preprocessing): boolean {
  const s = STANDARD_PREPROCESSING;
  return p.channelOrder === s.channelOrder && p.scale === s.scale && p.mean.every((m, c) => m === s.mean[c]) && p.std.every((d, c) => d === s.std[c]);
}

/**
 * The classifier seen on the standard input: the model itself where its preprocessing is the standard
 * one (SqueezeNet 1.1: nothing changes), otherwise the standard input mapped to the model's (a per-channel
 * affine map and a reordering) before each pass, and the gradient mapped back by the chain rule.
 */
export function onStandardInput(model: Classifier): Classifier {
  const own = model.info.preprocessing;
  if (isStandard(own)) return model;
  const info = { ...model.info, preprocessing: STANDARD_PREPROCESSING };
  const toModel = (u: tf.Tensor4D) => tf.tidy(() => normalize(denormalize(u, info), model.info));
  // ∂x/∂u per channel: (std_s / scale_s) · (scale / std), the first in RGB order, the second in the model's.
  const pixelsPerUnit = STANDARD_PREPROCESSING.std.map((s) => s / STANDARD_PREPROCESSING.scale);
  const unitsPerPixel = own.std.map((s) => own.scale / s);
  const toStandardGradient = (grad: tf.Tensor4D) => tf.tidy(() => tf.mul(reorderChannels(tf.mul(grad, unitsPerPixel), model.info), pixelsPerUnit) as tf.Tensor4D);
  return {
    info,
    scores: (u) => tf.tidy(() => model.scores(toModel(u))),
    gradient(u, cotangent) {
      const x = toModel(u);
      const { scores, grad } = model.gradient(x, cotangent);
      x.dispose();
      const standard = toStandardGradient(grad);
      grad.dispose();
      return { scores, grad: standard };
    },
    activations: (u) => {
      const x = toModel(u);
      const named = model.activations(x);
      x.dispose();
      return named;
    },
    dispose: () => model.dispose(),
  };
}

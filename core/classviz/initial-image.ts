import * as tf from '@tensorflow/tfjs-core';
import type { ModelInfo } from '../model.ts';
import { imageToInput, normalize } from '../tensor/image-tensor.ts';
import type { RgbImage } from '../types.ts';

export type InitialImage = 'noise' | 'black' | RgbImage;

/** The starting point in normalized space: standard normal noise (as CS231n), black, or a given image. */
export function initialImage(init: InitialImage, info: ModelInfo, seed: number): tf.Tensor4D {
  const shape: [number, number, number, number] = [1, info.inputSize, info.inputSize, 3];
  if (init === 'noise') return tf.randomNormal(shape, 0, 1, 'float32', seed);
  if (init === 'black') return tf.tidy(() => normalize(tf.zeros(shape), info));
  return imageToInput(init, info);
}

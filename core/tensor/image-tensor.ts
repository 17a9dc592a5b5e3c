import * as tf from '@tensorflow/tfjs-core';
import { GradlensError } from '../errors.ts';
import type { ModelInfo } from '../model.ts';
import type { FloatRgbImage, RgbImage } from '../types.ts';

/** Pixels 0..255 (8-bit or float) → [1, H, W, 3] float32, still in pixel units. */
export function pixelTensor(image: RgbImage | FloatRgbImage): tf.Tensor4D {
  const data = image.data instanceof Float32Array ? image.data : Float32Array.from(image.data);
  return tf.tensor4d(data, [1, image.height, image.width, 3]);
}

/** Pixels 0..255 → the model's normalized input x_n = (x/255 − mean)/std. */
export function normalize(pixels: tf.Tensor4D, info: ModelInfo): tf.Tensor4D {
  return tf.tidy(() => tf.div(tf.sub(tf.div(pixels, 255), [...info.mean]), [...info.std]));
}

/** Normalized input → pixels 0..255 (unclamped). */
export function denormalize(x: tf.Tensor4D, info: ModelInfo): tf.Tensor4D {
  return tf.tidy(() => tf.mul(tf.add(tf.mul(x, [...info.std]), [...info.mean]), 255));
}

/**
 * Refuses an image the model cannot take as it is. Every method works at model resolution (maps are
 * cut into inputSize² planes), so a caller must fit the image first rather than get a wrong answer.
 */
export function checkModelImage(image: RgbImage | FloatRgbImage, info: ModelInfo): void {
  const { width, height, data } = image;
  if (width !== info.inputSize || height !== info.inputSize || data.length !== width * height * 3) {
    throw new GradlensError(
      'options/invalid',
      `${info.name} takes a ${info.inputSize}×${info.inputSize} RGB image (3 values a pixel); got ${width}×${height} with ${data.length} values.`,
      `Fit the image to ${info.inputSize}×${info.inputSize} first (fitImage).`,
    );
  }
}

/** The normalized-input tensor of an image at model resolution. */
export function imageToInput(image: RgbImage | FloatRgbImage, info: ModelInfo): tf.Tensor4D {
  checkModelImage(image, info);
  return tf.tidy(() => normalize(pixelTensor(image), info));
}

/** The normalized input [1, H, W, 3] as unquantized pixels 0..255 (the temporary tensor freed). */
export async function inputToFloatImage(x: tf.Tensor4D, info: ModelInfo): Promise<FloatRgbImage> {
  const pixels = denormalize(x, info);
  try {
    return await tensorToFloatImage(pixels);
  } finally {
    pixels.dispose();
  }
}

/** [1, H, W, 3] pixels → unquantized float image. */
export async function tensorToFloatImage(pixels: tf.Tensor4D): Promise<FloatRgbImage> {
  const [, height, width] = pixels.shape;
  return { width, height, data: (await pixels.data()) as Float32Array };
}

/** Float pixels → 8-bit, rounded and clipped to 0..255 (what saving a PNG does). */
export function quantize(image: FloatRgbImage): RgbImage {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(255, Math.max(0, Math.round(image.data[i])));
  return { width: image.width, height: image.height, data };
}

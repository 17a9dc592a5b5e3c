import * as tf from '@tensorflow/tfjs-core';
import { GradlensError } from '../errors.ts';
import type { ModelInfo } from '../model.ts';
import type { FloatRgbImage, RgbImage } from '../types.ts';

/** Pixels 0..255 (8-bit or float) → [1, H, W, 3] float32, still in pixel units. */
export function pixelTensor(image: RgbImage | FloatRgbImage): tf.Tensor4D {
  const data = image.data instanceof Float32Array ? image.data : Float32Array.from(image.data);
  return tf.tensor4d(data, [1, image.height, image.width, 3]);
}

/** RGB ↔ the model's channel order: reversed for a BGR model (a reversal is its own inverse). */
export function reorderChannels(t: tf.Tensor4D, info: ModelInfo): tf.Tensor4D {
  return info.preprocessing.channelOrder === 'bgr' ? tf.reverse(t, 3) : t;
}

/**
 * Pixels 0..255 (RGB) → the model's normalized input x_n = (reorder(pixels)·scale − mean)/std. Divided
 * by 1/scale rather than multiplied by scale: for 1/255 that is torchvision's x/255, exact where a
 * product with the rounded 1/255 is not.
 */
export function normalize(pixels: tf.Tensor4D, info: ModelInfo): tf.Tensor4D {
  const { scale, mean, std } = info.preprocessing;
  return tf.tidy(() => tf.div(tf.sub(tf.div(reorderChannels(pixels, info), 1 / scale), [...mean]), [...std]));
}

/** Normalized input → pixels 0..255, RGB (unclamped). */
export function denormalize(x: tf.Tensor4D, info: ModelInfo): tf.Tensor4D {
  const { scale, mean, std } = info.preprocessing;
  return tf.tidy(() => reorderChannels(tf.mul(tf.add(tf.mul(x, [...std]), [...mean]), 1 / scale), info));
}

/** Per channel, in the model's order, the normalized values of pixel levels 0 and 255. */
export function inputBounds(info: ModelInfo): { lo: number[]; hi: number[] } {
  const { scale, mean, std } = info.preprocessing;
  return { lo: mean.map((m, c) => (0 - m) / std[c]), hi: mean.map((m, c) => (255 * scale - m) / std[c]) };
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

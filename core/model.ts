import type * as tf from '@tensorflow/tfjs-core';

/**
 * What every method in the gradient core sees of a network: class scores and their input gradient.
 * Methods never touch layers or weights, so a tiny analytic model and SqueezeNet are interchangeable.
 *
 * Inputs are *normalized* images, NHWC float32, in the model's channel order (see `Preprocessing`).
 */
export interface Differentiable {
  /** Class scores before softmax, [N, K] for an input [N, H, W, C]. */
  scores(x: tf.Tensor4D): tf.Tensor2D;
  /**
   * One forward pass, then the vector–Jacobian product of the scores:
   * grad[m] = ∂ Σ_k cot[m, k] · scores[n, k] / ∂ x[n], with n = m, or n = 0 for every m when the
   * input has batch 1 and the cotangent has M rows (top-k maps from one forward pass).
   * The cotangent is computed from this pass's scores (softmax − one-hot for cross-entropy, …).
   */
  gradient(x: tf.Tensor4D, cotangent: Cotangent): ScoresAndGradient;
}

export type Cotangent = (scores: tf.Tensor2D) => tf.Tensor2D;

export interface ScoresAndGradient {
  scores: tf.Tensor2D;
  grad: tf.Tensor4D;
}

export type Channels = readonly [number, number, number];

/**
 * How pixels (0..255, RGB) become the network's input, as data:
 * x_n = (reorder(pixels) · scale − mean) / std, per channel, with mean and std in the model's order.
 * torchvision: RGB, scale 1/255, ImageNet mean and std. Caffe: BGR, scale 1, mean pixel, std 1.
 */
export interface Preprocessing {
  channelOrder: 'rgb' | 'bgr';
  /** Pixel multiplier before the mean is taken off. */
  scale: number;
  mean: Channels;
  std: Channels;
}

/** Facts about a classifier that preprocessing, class resolution and rendering need. */
export interface ModelInfo {
  id: string;
  name: string;
  inputSize: number;
  preprocessing: Preprocessing;
  classNames: readonly string[];
}

export interface Classifier extends Differentiable {
  info: ModelInfo;
  /** Named intermediate outputs (conv1, fire2 … fire9, conv10, scores) for layer inspection. */
  activations(x: tf.Tensor4D): Record<string, tf.Tensor4D | tf.Tensor2D>;
  dispose(): void;
}

import type * as tf from '@tensorflow/tfjs-core';

export type Weights = Record<string, tf.Tensor>;

/**
 * One stage of a feed-forward network with a hand-written input gradient.
 * `forward` returns what the backward pass needs (`saved`, typically post-ReLU outputs for the masks);
 * `backward` maps the upstream gradient [M, …] to the input gradient [M, …]. The forward batch may be 1
 * while the backward batch is M: masks broadcast, so top-k maps share one forward pass.
 */
export interface Layer {
  name: string;
  /** Whether this layer's output is a named activation (conv1, fire2, …) for layer inspection. */
  named: boolean;
  forward(x: tf.Tensor, weights: Weights): Forward;
  backward(dy: tf.Tensor, saved: tf.Tensor[], weights: Weights): tf.Tensor;
  /** Derived constants (transposed kernels) computed once when the model is built. */
  prepare?(weights: Weights): Weights;
}

export interface Forward {
  out: tf.Tensor;
  /** Tensors kept for the backward pass; `out` may be among them. */
  saved: tf.Tensor[];
}

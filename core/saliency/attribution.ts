import type * as tf from '@tensorflow/tfjs-core';
import type { Differentiable } from '../model.ts';
import type { Checkpoint } from '../run/checkpoint.ts';

/**
 * The one contract of attribution methods (after PAIR saliency / Captum): a model function, a normalized
 * input [1, H, W, C] and M class indices in; M attributions shaped like the input out. Methods of many
 * passes call `check` between them (cancellation, and a turn for the event loop).
 */
export type AttributionMethod = (model: Differentiable, x: tf.Tensor4D, classes: number[], check?: Checkpoint) => Promise<tf.Tensor4D>;

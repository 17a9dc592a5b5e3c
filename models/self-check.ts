import * as tf from '@tensorflow/tfjs-core';
import type { Classifier, ModelInfo } from '../core/model.ts';
import { oneHotRows } from '../core/saliency/one-hot-rows.ts';
import { normalize } from '../core/tensor/image-tensor.ts';

/**
 * A model's built-in check: what the network gives for one fixed synthetic image, recorded in the
 * manifest when the model is prepared (TF.js's plain CPU backend, float32) and compared on whatever
 * backend the model is later built on. A backend that builds the model but computes something else
 * (half-precision textures, a broken kernel) fails it and is not used.
 */
export interface ModelCheck {
  /** The five highest classes of the check image and their scores. */
  classes: number[];
  scores: number[];
  /** Σ|∂ score_top / ∂ x_n| over the input: the backward pass, summed. */
  gradientL1: number;
}

/** Scores agree within 1e-3 plus 1e-4 of their size; half precision is off by ~1e-2 on SqueezeNet's. */
const SCORE_TOLERANCE = { absolute: 1e-3, relative: 1e-4 };
const GRADIENT_TOLERANCE = 1e-3;

/** The check image, normalized: smooth colour waves (every pixel distinct, nothing saturated). */
export function checkInput(info: ModelInfo): tf.Tensor4D {
  const size = info.inputSize;
  const pixels = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < 3; c++) {
        const phase = (2 * Math.PI * ((c + 1) * x + (3 - c) * y)) / size;
        pixels[(y * size + x) * 3 + c] = 127.5 + 100 * Math.sin(phase + c);
      }
    }
  }
  return tf.tidy(() => normalize(tf.tensor4d(pixels, [1, size, size, 3]), info));
}

/** Runs the check on the current backend (one forward and one backward pass; reads are asynchronous). */
export async function runModelCheck(model: Classifier): Promise<{ scores: Float32Array; gradientL1: number }> {
  const x = checkInput(model.info);
  const { scores, grad } = model.gradient(x, (s) => oneHotRows(tf.argMax(s, 1) as tf.Tensor1D, s.shape[1]));
  const l1 = tf.tidy(() => tf.sum(tf.abs(grad)));
  const [scoreData, l1Data] = await Promise.all([scores.data() as Promise<Float32Array>, l1.data()]);
  tf.dispose([x, scores, grad, l1]);
  return { scores: scoreData, gradientL1: l1Data[0] };
}

/** What to record at preparation time. */
export async function modelCheck(model: Classifier): Promise<ModelCheck> {
  const { scores, gradientL1 } = await runModelCheck(model);
  const classes = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a]).slice(0, 5);
  return { classes, scores: classes.map((k) => scores[k]), gradientL1 };
}

/** Why the model on the current backend disagrees with its check, or null when it agrees. */
export async function verifyModel(model: Classifier, expected: ModelCheck): Promise<string | null> {
  const actual = await runModelCheck(model);
  if (!actual.scores.every(Number.isFinite) || !Number.isFinite(actual.gradientL1)) return 'the warm-up pass gave non-finite numbers';
  const off = expected.classes
    .map((k, i) => ({ delta: Math.abs(actual.scores[k] - expected.scores[i]), allowed: SCORE_TOLERANCE.absolute + SCORE_TOLERANCE.relative * Math.abs(expected.scores[i]) }))
    .find(({ delta, allowed }) => !(delta <= allowed));
  if (off) return `the warm-up scores differ from the built-in check by ${off.delta.toPrecision(2)} (allowed ${off.allowed.toPrecision(2)})`;
  const gradientError = Math.abs(actual.gradientL1 - expected.gradientL1) / Math.abs(expected.gradientL1);
  if (!(gradientError <= GRADIENT_TOLERANCE)) return `the warm-up gradient differs from the built-in check by ${(100 * gradientError).toPrecision(2)} %`;
  return null;
}

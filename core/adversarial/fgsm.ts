import * as tf from '@tensorflow/tfjs-core';
import { checkParameter } from '../check-parameter.ts';
import { DEFAULTS } from '../defaults.ts';
import type { Classifier } from '../model.ts';
import { resolveClass } from '../predict/resolve-class.ts';
import { checkModelImage, normalize, pixelTensor, reorderChannels, tensorToFloatImage } from '../tensor/image-tensor.ts';
import type { ClassTarget, RgbImage } from '../types.ts';
import { attackReport, type AttackReport } from './attack-report.ts';
import { crossEntropyCotangent } from './cross-entropy-cotangent.ts';

export interface FgsmOptions {
  /** Step size in 0–255 pixel levels. */
  epsilon?: number;
  /** Omitted or `top`: untargeted, away from the predicted class. Otherwise towards this class. */
  target?: ClassTarget;
}

/**
 * Fast Gradient Sign Method (Goodfellow et al. 2015) in pixel space:
 * untargeted x + ε·sign ∇ₓ CE(top), targeted x − ε·sign ∇ₓ CE(target), clipped to 0–255.
 * The pixel gradient is the normalized-input gradient times scale/std (> 0) per channel, so its sign is
 * that gradient's sign, once the channels are back in RGB order from the model's (BGR for Caffe models).
 */
export async function fgsm(model: Classifier, image: RgbImage, options: FgsmOptions = {}): Promise<AttackReport> {
  const epsilon = checkParameter('attack', 'epsilon', options.epsilon ?? DEFAULTS.attack.epsilon);
  const target = options.target === undefined || options.target === 'top' ? null : resolveClass(model.info, options.target);
  checkModelImage(image, model.info);
  const pixels = pixelTensor(image);
  const x = normalize(pixels, model.info);
  const { scores, grad } = model.gradient(x, (s) => crossEntropyCotangent(s, target ? target.index : 'top'));
  const direction = target ? -1 : 1;
  const adversarialPixels = tf.tidy(() => tf.clipByValue(tf.add(pixels, tf.mul(tf.sign(reorderChannels(grad, model.info)), direction * epsilon)), 0, 255) as tf.Tensor4D);
  const [adversarial, originalScores] = await Promise.all([tensorToFloatImage(adversarialPixels), scores.data() as Promise<Float32Array>]);
  tf.dispose([pixels, x, scores, grad, adversarialPixels]);
  return attackReport(model, { kind: target ? 'fgsm-targeted' : 'fgsm', steps: 1, target, original: image, originalScores, adversarial });
}

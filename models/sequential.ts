import * as tf from '@tensorflow/tfjs-core';
import type { Classifier, Cotangent, ModelInfo, ScoresAndGradient } from '../core/model.ts';
import type { Layer, Weights } from './layers/layer.ts';

/**
 * A classifier that is a chain of layers with hand-written input gradients.
 * The backward pass keeps only what each layer saved (post-ReLU outputs) and frees every upstream
 * gradient as soon as the next one exists, so the peak memory of a saliency pass stays small.
 */
export function sequentialClassifier(info: ModelInfo, layers: Layer[], loaded: Weights): Classifier {
  const weights: Weights = { ...loaded };
  for (const layer of layers) Object.assign(weights, layer.prepare?.(weights));

  /** Forward pass that frees each activation once the next exists, unless `keep` claims it. */
  function runForward(x: tf.Tensor4D, keep: (layer: Layer, out: tf.Tensor) => boolean): tf.Tensor2D {
    let current: tf.Tensor = x;
    let kept = true;
    for (const layer of layers) {
      const { out, saved } = layer.forward(current, weights);
      for (const t of saved) if (t !== out && t !== current) t.dispose();
      if (!kept) current.dispose();
      kept = keep(layer, out);
      current = out;
    }
    return current as tf.Tensor2D;
  }

  function scores(x: tf.Tensor4D): tf.Tensor2D {
    return runForward(x, () => false);
  }

  function gradient(x: tf.Tensor4D, cotangent: Cotangent): ScoresAndGradient {
    const savedPerLayer: tf.Tensor[][] = [];
    const owned = new Set<tf.Tensor>();
    let current: tf.Tensor = x;
    for (const layer of layers) {
      const { out, saved } = layer.forward(current, weights);
      savedPerLayer.push(saved);
      for (const t of [out, ...saved]) owned.add(t);
      current = out;
    }
    const scoresOut = current as tf.Tensor2D;
    const cot = tf.tidy(() => cotangent(scoresOut));
    const [batch, m] = [x.shape[0], cot.shape[0]];
    if (m !== batch && batch !== 1) {
      throw new Error(`cotangent has ${m} rows for a batch of ${batch}: it must match, or the batch must be 1`);
    }
    let dy: tf.Tensor = cot;
    for (let i = layers.length - 1; i >= 0; i--) {
      const dx = layers[i].backward(dy, savedPerLayer[i], weights);
      dy.dispose();
      dy = dx;
    }
    owned.delete(x);
    owned.delete(scoresOut);
    for (const t of owned) t.dispose();
    return { scores: scoresOut, grad: dy as tf.Tensor4D };
  }

  function activations(x: tf.Tensor4D) {
    const named: Record<string, tf.Tensor4D | tf.Tensor2D> = {};
    const keepNamed = (layer: Layer, t: tf.Tensor) => layer.named && Boolean((named[layer.name] = t as tf.Tensor4D));
    named.scores = runForward(x, keepNamed);
    return named;
  }

  return {
    info,
    scores,
    gradient,
    activations,
    dispose: () => tf.dispose(Object.values(weights)),
  };
}

/**
 * The real VGG16's shapes (torchvision's state_dict, 138 M parameters, 553 MB of float32) with seeded
 * random weights, for what needs the network's size but not its answers: the full-size memory test and
 * the benchmark. The real checkpoint is not mirrored here.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Classifier } from '../../core/model.ts';
import { ARCHITECTURES } from '../../models/architectures.ts';
import { modelInfo } from '../../models/registry.ts';
import { sequentialClassifier } from '../../models/sequential.ts';

/** Uniform ±√(6 / fan-in) (He), from a seeded xorshift: activations neither vanish nor explode. */
export function heUniform(count: number, fanIn: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  const a = Math.sqrt(6 / fanIn);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = ((s >>> 0) / 2 ** 32 * 2 - 1) * a;
  }
  return out;
}

/**
 * A VGG16 classifier of 1000 classes on the current backend (start it first), and its parameter count.
 * Kernels are made directly in the layers' TF.js layout (HWIO, and [in, out] for dense layers) from the
 * PyTorch shapes; biases are zero.
 *
 * @example
 * await useWasmBackend();
 * const { model } = randomVgg16();
 */
export function randomVgg16(): { model: Classifier; parameters: number } {
  const weights: Record<string, tf.Tensor> = {};
  let parameters = 0;
  // No checkpoint to read widths from: every tensor gets torchvision's standard shape.
  ARCHITECTURES.vgg16.stateDict(() => undefined).forEach(({ name, shape }, k) => {
    const count = shape.reduce((a, b) => a * b, 1);
    parameters += count;
    if (shape.length === 1) weights[name] = tf.zeros([count]);
    else {
      const [out, inputs, ...kernel] = shape;
      const layout = kernel.length === 2 ? [kernel[0], kernel[1], inputs, out] : [inputs, out];
      weights[name] = tf.tensor(heUniform(count, count / out, k + 1), layout, 'float32');
    }
  });
  const model = sequentialClassifier({ ...modelInfo('vgg16'), id: 'vgg16-random', name: 'VGG16 (random weights)' }, ARCHITECTURES.vgg16.layers(), weights);
  return { model, parameters };
}

/**
 * The real VGG16's shapes (138 M parameters, 553 MB of float32) with seeded random weights — the real
 * file is not mirrored here: the network builds, runs forward and a saliency map in Node on WASM, and
 * stays within its memory budget. The peak WASM heap is printed for the record (see README).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import type { Classifier } from '../../core/model.ts';
import { saliencyMaps } from '../../core/saliency/saliency-maps.ts';
import { modelInfo } from '../../models/registry.ts';
import { sequentialClassifier } from '../../models/sequential.ts';
import { VGG16_FEATURES, vgg16Layers } from '../../models/vgg16/architecture.ts';

const WIDTHS = [64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512];
const DENSE: [string, number, number][] = [['classifier.0', 512 * 7 * 7, 4096], ['classifier.3', 4096, 4096], ['classifier.6', 4096, 1000]];
/** A 224×224 float32 VGG16 must fit a browser tab's WASM heap: 2 GiB. */
const HEAP_BUDGET = 2 * 1024 ** 3;

/** Uniform ±√(6 / fan-in) (He), from a seeded xorshift: activations neither vanish nor explode. */
function heUniform(count: number, fanIn: number, seed: number): Float32Array {
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

const heap = () => ((tf.backend() as BackendWasm).wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8.byteLength;

let model: Classifier;
let parameters = 0;

beforeAll(async () => {
  await useWasmBackend();
  const weights: Record<string, tf.Tensor> = {};
  const convs = VGG16_FEATURES.filter((f): f is number => f !== 'M');
  let inputs = 3;
  convs.forEach((index, k) => {
    const fanIn = 9 * inputs;
    weights[`features.${index}.weight`] = tf.tensor4d(heUniform(9 * inputs * WIDTHS[k], fanIn, k + 1), [3, 3, inputs, WIDTHS[k]]);
    weights[`features.${index}.bias`] = tf.zeros([WIDTHS[k]]);
    parameters += 9 * inputs * WIDTHS[k] + WIDTHS[k];
    inputs = WIDTHS[k];
  });
  DENSE.forEach(([name, fanIn, out], k) => {
    weights[`${name}.weight`] = tf.tensor2d(heUniform(fanIn * out, fanIn, 100 + k), [fanIn, out]);
    weights[`${name}.bias`] = tf.zeros([out]);
    parameters += fanIn * out + out;
  });
  model = sequentialClassifier({ ...modelInfo('squeezenet1_1'), id: 'vgg16-random', name: 'VGG16 (random weights)' }, vgg16Layers(), weights);
}, 300_000);

afterAll(() => model?.dispose());

describe('a full-size VGG16 (random weights of the real shapes)', () => {
  it('has torchvision’s 138,357,544 parameters', () => expect(parameters).toBe(138_357_544));

  it('runs forward and a saliency map in Node within its memory budget', async () => {
    const image = { width: 224, height: 224, data: Uint8Array.from({ length: 224 * 224 * 3 }, (_, i) => (i * 37) % 256) };
    const tensors = tf.memory().numTensors;
    const { predictions, maps } = await saliencyMaps(model, image);
    expect(predictions[0].probability).toBeGreaterThan(0);
    expect(predictions.every((p) => Number.isFinite(p.score))).toBe(true);
    expect([maps[0].width, maps[0].height]).toEqual([224, 224]);
    expect(maps[0].data.every(Number.isFinite)).toBe(true);
    expect(Math.max(...maps[0].data)).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(tensors);
    console.log(`VGG16 full size: peak WASM heap ${(heap() / 1024 ** 2).toFixed(0)} MiB`);
    expect(heap()).toBeLessThan(HEAP_BUDGET);
  }, 300_000);
});

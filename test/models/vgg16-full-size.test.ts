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
import { randomVgg16 } from '../helpers/random-vgg16.ts';

/** A 224×224 float32 VGG16 must fit a browser tab's WASM heap: 2 GiB. */
const HEAP_BUDGET = 2 * 1024 ** 3;

const heap = () => ((tf.backend() as BackendWasm).wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8.byteLength;

let model: Classifier;
let parameters = 0;

beforeAll(async () => {
  await useWasmBackend();
  ({ model, parameters } = randomVgg16());
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

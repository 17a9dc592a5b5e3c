/**
 * The serving format at VGG16's real size (random weights of torchvision's shapes; the real checkpoint is
 * not mirrored here): tensors streamed into the writer come out as float32 and float16 shards of at most
 * 32 MiB — the 411 MB classifier.0 across thirteen of them — with the reference check, and both variants
 * load back through loadModel and pass it.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileWeightSource } from '../../cli/file-weight-source.ts';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { ARCHITECTURES } from '../../models/architectures.ts';
import { loadModel } from '../../models/load-model.ts';
import { SHARD_BYTES, type WeightManifest } from '../../models/manifest.ts';
import type { ServingTensor } from '../../models/prepare/checkpoint-tensors.ts';
import { writeServingModel } from '../../models/prepare/prepare-model.ts';
import { MODELS } from '../../models/registry.ts';
import { heUniform } from '../helpers/random-vgg16.ts';

let dir: string;
let manifest: WeightManifest;

/** torchvision's state_dict, converted to the serving layouts, one tensor at a time. */
async function* randomTensors(): AsyncGenerator<ServingTensor> {
  const architecture = ARCHITECTURES.vgg16;
  for (const [k, tensor] of architecture.stateDict(() => undefined).entries()) {
    const count = tensor.shape.reduce((a, b) => a * b, 1);
    const data = tensor.shape.length === 1 ? new Float32Array(count) : heUniform(count, count / tensor.shape[0], k + 1);
    yield { name: tensor.name, ...architecture.servingLayout(tensor, data) };
  }
}

beforeAll(async () => {
  await useWasmBackend();
  dir = await mkdtemp(path.join(os.tmpdir(), 'gradlens-vgg16-full-'));
  const { info, architecture, weights } = MODELS.vgg16;
  manifest = await writeServingModel({ ...info, architecture, imported: false, source: null, parameters: weights.parameters }, randomTensors(), dir, () => {});
}, 600_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('VGG16 at full size in the serving format', () => {
  it('is sharded at ≤ 32 MiB: 17 float32 and 9 float16 files, each as the manifest says', async () => {
    const { float32, float16 } = manifest.variants;
    expect([float32.files.length, float16.files.length]).toEqual([17, 9]);
    expect(float32.files.reduce((n, f) => n + f.bytes, 0)).toBe(4 * 138_357_544);
    expect(float16.files.reduce((n, f) => n + f.bytes, 0)).toBe(2 * 138_357_544);
    for (const f of [...float32.files, ...float16.files]) {
      expect(f.bytes).toBeLessThanOrEqual(SHARD_BYTES);
      expect((await stat(path.join(dir, 'vgg16', f.name))).size).toBe(f.bytes);
    }
    expect((await readdir(dir)).sort()).toEqual(['vgg16']);
  });

  it.each(['float16', 'float32'] as const)('loads the %s variant back and passes its built-in check on WASM', async (dtype) => {
    const before = tf.memory().numTensors;
    const model = await loadModel('vgg16', fileWeightSource(dir), { dtype, verify: true });
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 300_000);
});

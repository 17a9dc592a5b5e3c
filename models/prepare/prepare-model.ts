import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { GradlensError } from '../../core/errors.ts';
import { decodeNpy } from '../../core/image/decode-npy.ts';
import { classifierFromBuffers } from '../load-model.ts';
import { modelCheck, type ModelCheck } from '../self-check.ts';
import { MANIFEST_FORMAT, type TensorEntry, type WeightManifest } from '../manifest.ts';
import type { ModelEntry } from '../registry.ts';
import { readWeightFile, type WeightOrigin } from './read-weight-file.ts';
import { toTfjsLayout } from './to-tfjs-layout.ts';

const WEIGHTS_FILE = 'weights.bin';

/**
 * The built-in check, computed on TF.js's plain CPU backend (float32 JavaScript, no GPU or SIMD
 * kernels): the reference every backend's warm-up is compared with. The caller's backend is restored.
 */
async function referenceCheck(id: string, tensors: TensorEntry[], blob: Uint8Array): Promise<ModelCheck> {
  const previous = tf.getBackend();
  const production = tf.env().getBool('PROD');
  // PROD keeps the CPU backend's "install tfjs-node" banner out of the preparation's output.
  tf.env().set('PROD', true);
  if (!(await tf.setBackend('cpu'))) throw new Error('The TF.js CPU backend failed to start.');
  const model = classifierFromBuffers(id, { tensors }, new Map([[WEIGHTS_FILE, blob.buffer as ArrayBuffer]]));
  try {
    return await modelCheck(model);
  } finally {
    model.dispose();
    tf.env().set('PROD', production);
    if (previous) await tf.setBackend(previous);
  }
}

/**
 * Converts a model's published .npy files into the serving format (manifest.json + weights.bin) under
 * `outDir/<id>/`. Written to a temporary folder first and renamed, so a failed run leaves nothing half-made.
 */
export async function prepareModel(entry: ModelEntry, origin: WeightOrigin, outDir: string, log: (line: string) => void): Promise<WeightManifest> {
  const chunks: Float32Array[] = [];
  const tensors: TensorEntry[] = [];
  let offset = 0;
  for (const [n, file] of entry.weights.files.entries()) {
    const npy = decodeNpy(await readWeightFile(file, origin));
    const { data, shape } = toTfjsLayout(npy.data, npy.shape);
    tensors.push({ name: file.tensor, shape, file: WEIGHTS_FILE, offset });
    chunks.push(data);
    offset += data.byteLength;
    log(`  ${entry.info.id}: ${n + 1}/${entry.weights.files.length} ${file.file}`);
  }
  if (offset / 4 !== entry.weights.parameters) {
    throw new GradlensError('model/prepare', `The weight files of ${entry.info.name} hold ${offset / 4} parameters, not the ${entry.weights.parameters} their source states.`);
  }
  const blob = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    blob.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at += c.byteLength;
  }
  const manifest: WeightManifest = {
    format: MANIFEST_FORMAT,
    model: entry.info.id,
    dtype: 'float32',
    files: [{ name: WEIGHTS_FILE, bytes: blob.byteLength, sha256: createHash('sha256').update(blob).digest('hex') }],
    tensors,
    check: await referenceCheck(entry.info.id, tensors, blob),
  };
  const target = path.join(outDir, entry.info.id);
  const staging = `${target}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await writeFile(path.join(staging, WEIGHTS_FILE), blob);
  await writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 1));
  await rm(target, { recursive: true, force: true });
  await rename(staging, target);
  return manifest;
}

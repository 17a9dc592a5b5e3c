import * as tf from '@tensorflow/tfjs-core';
import { GradlensError } from '../core/errors.ts';
import type { Classifier } from '../core/model.ts';
import { MANIFEST_FORMAT, type WeightManifest } from './manifest.ts';
import { modelEntry } from './registry.ts';
import { sequentialClassifier } from './sequential.ts';

/** Anything that answers a path relative to the prepared models folder: fetch, an assets binding, the file system. */
export type WeightSource = (path: string) => Promise<Response>;

export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
}

async function fetchOk(source: WeightSource, path: string): Promise<Response> {
  const response = await source(path);
  if (!response.ok) {
    throw new GradlensError('model/not-ready', `Model file ${path} is not available (HTTP ${response.status}).`, 'Run `npm run models` to prepare the model files.');
  }
  return response;
}

/**
 * Loads a prepared model through any fetch-like source: the same code in Node, workerd and the browser.
 *
 * @example
 * const model = await loadModel('squeezenet1_1', (p) => fetch(`/models/${p}`));
 */
export async function loadModel(id: string, source: WeightSource, onProgress?: (p: LoadProgress) => void): Promise<Classifier> {
  const entry = modelEntry(id);
  const manifest = (await (await fetchOk(source, `${id}/manifest.json`)).json()) as WeightManifest;
  if (manifest.format !== MANIFEST_FORMAT || manifest.dtype !== 'float32') {
    throw new GradlensError('model/not-ready', `Model manifest of ${id} has an unknown format.`, 'Run `npm run models` again.');
  }
  const totalBytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  let loadedBytes = 0;
  const buffers = new Map<string, ArrayBuffer>();
  for (const file of manifest.files) {
    const buffer = await (await fetchOk(source, `${id}/${file.name}`)).arrayBuffer();
    if (buffer.byteLength !== file.bytes) {
      throw new GradlensError('model/not-ready', `Model file ${file.name} is ${buffer.byteLength} bytes, expected ${file.bytes}.`, 'Run `npm run models` again.');
    }
    buffers.set(file.name, buffer);
    loadedBytes += buffer.byteLength;
    onProgress?.({ loadedBytes, totalBytes });
  }
  const weights: Record<string, tf.Tensor> = {};
  for (const t of manifest.tensors) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    weights[t.name] = tf.tensor(new Float32Array(buffers.get(t.file)!, t.offset, size), t.shape, 'float32');
  }
  return sequentialClassifier(entry.info, entry.layers(), weights);
}

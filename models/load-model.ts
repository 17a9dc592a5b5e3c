import * as tf from '@tensorflow/tfjs-core';
import { GradlensError } from '../core/errors.ts';
import type { Classifier } from '../core/model.ts';
import { MANIFEST_FORMAT, type WeightManifest } from './manifest.ts';
import { modelEntry } from './registry.ts';
import { verifyModel } from './self-check.ts';
import { sequentialClassifier } from './sequential.ts';

/** Anything that answers a path relative to the prepared models folder: fetch, an assets binding, the file system. */
export type WeightSource = (path: string) => Promise<Response>;

export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
}

export interface LoadOptions {
  onProgress?: (p: LoadProgress) => void;
  /**
   * Run the manifest's built-in check once the model is built (a warm-up pass) and refuse a backend
   * that computes something else, with a `model/check-failed` error that says how far off it is.
   */
  verify?: boolean;
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
 * const model = await loadModel('squeezenet1_1', (p) => fetch(`/models/${p}`), { verify: true });
 */
export async function loadModel(id: string, source: WeightSource, options: LoadOptions = {}): Promise<Classifier> {
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
    options.onProgress?.({ loadedBytes, totalBytes });
  }
  const model = classifierFromBuffers(id, manifest, buffers);
  if (options.verify) {
    const problem = await verifyModel(model, manifest.check).catch((error: unknown) => `the warm-up pass failed: ${(error as Error).message}`);
    if (problem) {
      model.dispose();
      throw new GradlensError('model/check-failed', `${entry.info.name} does not compute correctly here: ${problem}.`);
    }
  }
  return model;
}

/** The classifier from a manifest and its binary files, on the current backend. */
export function classifierFromBuffers(id: string, manifest: Pick<WeightManifest, 'tensors'>, buffers: ReadonlyMap<string, ArrayBuffer>): Classifier {
  const entry = modelEntry(id);
  const weights: Record<string, tf.Tensor> = {};
  for (const t of manifest.tensors) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    weights[t.name] = tf.tensor(new Float32Array(buffers.get(t.file)!, t.offset, size), t.shape, 'float32');
  }
  return sequentialClassifier(entry.info, entry.layers(), weights);
}

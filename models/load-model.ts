import * as tf from '@tensorflow/tfjs-core';
import { GradlensError } from '../core/errors.ts';
import type { Classifier, ModelInfo } from '../core/model.ts';
import { ARCHITECTURES, isArchitectureId } from './architectures.ts';
import { fromFloat16 } from './float16.ts';
import { IMAGENET_CLASSES } from './imagenet-classes.ts';
import { CLASSES_FILE, MANIFEST_FORMAT, type WeightManifest } from './manifest.ts';
import type { WeightDtype } from './model-index.ts';
import { MODEL_ID_PATTERN, unknownModel } from './model-id.ts';
import { MODELS } from './registry.ts';
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
  /** float32 (default, the reference numbers) or float16 (half the download; scores differ by ~1e-2). */
  dtype?: WeightDtype;
  /**
   * Run the variant's built-in check once the model is built (a warm-up pass) and refuse a backend
   * that computes something else, with a `model/check-failed` error that says how far off it is.
   */
  verify?: boolean;
}

const PREPARE_AGAIN = 'Run `npm run models` to prepare the model files.';

async function fetchOk(source: WeightSource, path: string, hint = PREPARE_AGAIN): Promise<Response> {
  const response = await source(path);
  if (!response.ok) throw new GradlensError('model/not-ready', `Model file ${path} is not available (HTTP ${response.status}).`, hint);
  return response;
}

/** A prepared model's manifest, checked to be one this code reads. */
export async function readManifest(id: string, source: WeightSource): Promise<WeightManifest> {
  const manifest = (await (await fetchOk(source, `${id}/manifest.json`, `Run \`npm run models -- --model ${id}\` to prepare it.`)).json().catch(() => null)) as WeightManifest | null;
  if (manifest?.format !== MANIFEST_FORMAT || manifest.model !== id || !isArchitectureId(manifest.architecture)) {
    throw new GradlensError('model/not-ready', `The prepared files of ${id} are in an older or unknown format.`, PREPARE_AGAIN);
  }
  return manifest;
}

/**
 * Loads a prepared model — built-in or imported — through any fetch-like source: the same code in
 * Node, workerd and the browser. A built-in model's facts come from the registry, an imported one's
 * from its manifest.
 *
 * @example
 * const model = await loadModel('squeezenet1_1', (p) => fetch(`/models/${p}`), { verify: true });
 */
export async function loadModel(id: string, source: WeightSource, options: LoadOptions = {}): Promise<Classifier> {
  if (!MODEL_ID_PATTERN.test(id)) throw unknownModel(id);
  const manifest = await readManifest(id, source).catch((error: unknown) => {
    throw !Object.hasOwn(MODELS, id) && (error as GradlensError).code === 'model/not-ready' ? unknownModel(id) : error;
  });
  const dtype = options.dtype ?? 'float32';
  const model = await buildClassifier(manifest, source, dtype, await manifestInfo(manifest, source), options.onProgress);
  if (options.verify) {
    const problem = await verifyModel(model, manifest.variants[dtype].check).catch((error: unknown) => `the warm-up pass failed: ${(error as Error).message}`);
    if (problem) {
      model.dispose();
      throw new GradlensError('model/check-failed', `${model.info.name} does not compute correctly here: ${problem}.`);
    }
  }
  return model;
}

/** What preprocessing, class resolution and rendering need: the registry's for a built-in model, the manifest's for an import. */
export async function manifestInfo(manifest: WeightManifest, source: WeightSource): Promise<ModelInfo> {
  if (!manifest.imported && Object.hasOwn(MODELS, manifest.model)) return MODELS[manifest.model].info;
  const classNames = manifest.classes === 'imagenet' ? IMAGENET_CLASSES : ((await (await fetchOk(source, `${manifest.model}/${CLASSES_FILE}`)).json()) as string[]);
  if (!Array.isArray(classNames) || classNames.length !== manifest.classCount) {
    throw new GradlensError('model/not-ready', `The class names of ${manifest.model} do not match its ${manifest.classCount} classes.`, 'Import the model again.');
  }
  return { id: manifest.model, name: manifest.name, inputSize: manifest.inputSize, preprocessing: manifest.preprocessing, classNames };
}

/**
 * The classifier from a manifest's variant, on the current backend. The shards are copied into one
 * buffer as they arrive (a tensor may span two), and each tensor is made from a view of it.
 */
export async function buildClassifier(
  manifest: Pick<WeightManifest, 'model' | 'architecture' | 'tensors'> & { variants: Record<WeightDtype, Pick<WeightManifest['variants'][WeightDtype], 'files'>> },
  source: WeightSource,
  dtype: WeightDtype,
  info: ModelInfo,
  onProgress?: (p: LoadProgress) => void,
): Promise<Classifier> {
  const { files } = manifest.variants[dtype];
  const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const all = new Uint8Array(totalBytes);
  let loadedBytes = 0;
  for (const file of files) {
    const bytes = new Uint8Array(await (await fetchOk(source, `${manifest.model}/${file.name}`)).arrayBuffer());
    if (bytes.byteLength !== file.bytes) {
      throw new GradlensError('model/not-ready', `Model file ${file.name} is ${bytes.byteLength} bytes, expected ${file.bytes}.`, 'Run `npm run models` again.');
    }
    all.set(bytes, loadedBytes);
    loadedBytes += bytes.byteLength;
    onProgress?.({ loadedBytes, totalBytes });
  }
  const weights: Record<string, tf.Tensor> = {};
  for (const t of manifest.tensors) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    const values = dtype === 'float32' ? new Float32Array(all.buffer, t.offset * 4, size) : fromFloat16(new Uint16Array(all.buffer, t.offset * 2, size));
    weights[t.name] = tf.tensor(values, t.shape, 'float32');
  }
  return sequentialClassifier(info, ARCHITECTURES[manifest.architecture].layers(), weights);
}

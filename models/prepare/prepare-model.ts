import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { fileWeightSource } from '../../cli/file-weight-source.ts';
import { GradlensError } from '../../core/errors.ts';
import { decodeNpy } from '../../core/image/decode-npy.ts';
import type { ModelInfo } from '../../core/model.ts';
import { ARCHITECTURES, type ArchitectureId } from '../architectures.ts';
import { toFloat16 } from '../float16.ts';
import { buildClassifier } from '../load-model.ts';
import { CLASSES_FILE, MANIFEST_FORMAT, type TensorEntry, type WeightFile, type WeightManifest } from '../manifest.ts';
import type { WeightDtype } from '../model-index.ts';
import { fileSource } from '../pytorch/byte-sources.ts';
import { readStateDict } from '../pytorch/read-state-dict.ts';
import type { ModelEntry } from '../registry.ts';
import { modelCheck, type ModelCheck } from '../self-check.ts';
import { checkpointTensors, type ServingTensor } from './checkpoint-tensors.ts';
import { fetchCheckpoint } from './fetch-checkpoint.ts';
import { readWeightFile, type WeightOrigin } from './read-weight-file.ts';
import { shardWriter } from './shard-writer.ts';
import { toTfjsLayout } from './to-tfjs-layout.ts';

/** What the serving format records about a model besides its tensors. */
export interface ServingModel extends ModelInfo {
  architecture: ArchitectureId;
  imported: boolean;
  source: WeightManifest['source'];
  /** The parameter count its source states, checked when given. */
  parameters?: number;
}

export type PrepareLog = (line: string) => void;

const DTYPES: readonly WeightDtype[] = ['float32', 'float16'];

/**
 * Above this many parameters the reference is computed on the WASM backend: TF.js's plain CPU backend
 * takes about 4 minutes per pass on VGG16 (2 cores), WASM 10 s, and WASM's numbers equal PyTorch's on
 * the mini VGG16 (test/models/vgg16-mini.test.ts).
 */
const CPU_REFERENCE_PARAMETERS = 20_000_000;

/**
 * A variant's built-in check, the reference every backend's warm-up is compared with: computed on
 * TF.js's plain CPU backend (float32 JavaScript, no GPU or SIMD kernels), or on WASM for a large
 * network. The caller's backend is restored.
 */
async function referenceCheck(manifest: Parameters<typeof buildClassifier>[0], dir: string, dtype: WeightDtype, info: ModelInfo, parameters: number): Promise<ModelCheck> {
  const previous = tf.getBackend();
  const production = tf.env().getBool('PROD');
  // PROD keeps the CPU backend's "install tfjs-node" banner out of the preparation's output.
  tf.env().set('PROD', true);
  const reference = parameters > CPU_REFERENCE_PARAMETERS ? 'wasm' : 'cpu';
  // Imported only here: registering WASM must not change which backend a small model's check meets.
  if (reference === 'wasm') await (await import('../../cli/wasm-backend.ts')).useWasmBackend();
  if (!(await tf.setBackend(reference))) throw new Error(`The TF.js ${reference} backend failed to start.`);
  const model = await buildClassifier(manifest, fileWeightSource(dir), dtype, info);
  try {
    return await modelCheck(model);
  } finally {
    model.dispose();
    tf.env().set('PROD', production);
    if (previous) await tf.setBackend(previous);
  }
}

/**
 * Writes a model in the serving format under `outDir/<id>/`: the manifest, float32 and float16 shards
 * (≤ 32 MiB each) and, for a model with its own classes, their names. Tensors are consumed one at a
 * time; everything goes to a temporary folder first and is renamed, so a failed run leaves nothing
 * half-made and an older version stays until the new one is complete.
 */
export async function writeServingModel(model: ServingModel, tensors: AsyncIterable<ServingTensor>, outDir: string, log: PrepareLog): Promise<WeightManifest> {
  const target = path.join(outDir, model.id);
  const staging = `${target}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    const writers = { float32: shardWriter(staging, 'float32'), float16: shardWriter(staging, 'float16') };
    const entries: TensorEntry[] = [];
    let offset = 0;
    for await (const t of tensors) {
      entries.push({ name: t.name, shape: t.shape, offset });
      offset += t.data.length;
      await writers.float32.append(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
      const half = toFloat16(t.data);
      await writers.float16.append(new Uint8Array(half.buffer));
      log(`  ${model.id}: ${entries.length} ${t.name} [${t.shape.join('×')}]`);
    }
    if (model.parameters !== undefined && offset !== model.parameters) {
      throw new GradlensError('model/prepare', `The weights of ${model.name} hold ${offset} parameters, not the ${model.parameters} their source states.`);
    }
    const files: Record<WeightDtype, WeightFile[]> = { float32: await writers.float32.finish(), float16: await writers.float16.finish() };
    const custom = model.classNames.length !== 1000 || model.imported;
    // The check loads the staged folder as a model of that folder's name.
    const folder = path.dirname(staging);
    const staged = { model: path.basename(staging), architecture: model.architecture, tensors: entries, variants: { float32: { files: files.float32 }, float16: { files: files.float16 } } };
    if (custom) await writeFile(path.join(staging, CLASSES_FILE), JSON.stringify(model.classNames));
    const checks = {} as Record<WeightDtype, ModelCheck>;
    for (const dtype of DTYPES) {
      log(`  ${model.id}: built-in check (${dtype})`);
      checks[dtype] = await referenceCheck(staged, folder, dtype, model, offset);
    }
    const manifest: WeightManifest = {
      format: MANIFEST_FORMAT,
      model: model.id,
      name: model.name,
      architecture: model.architecture,
      inputSize: model.inputSize,
      preprocessing: model.preprocessing,
      parameters: offset,
      classCount: model.classNames.length,
      classes: custom ? CLASSES_FILE : 'imagenet',
      imported: model.imported,
      source: model.source,
      tensors: entries,
      variants: { float32: { files: files.float32, check: checks.float32 }, float16: { files: files.float16, check: checks.float16 } },
    };
    await writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 1));
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function* npyTensors(entry: ModelEntry & { weights: { kind: 'npy' } }, origin: WeightOrigin): AsyncGenerator<ServingTensor> {
  for (const file of entry.weights.files) {
    const npy = decodeNpy(await readWeightFile(file, origin));
    yield { name: file.tensor, ...toTfjsLayout(npy.data as Float32Array, npy.shape) };
  }
}

/** Converts a built-in model's published weights (per-tensor .npy files, or one PyTorch checkpoint) into the serving format. */
export async function prepareModel(entry: ModelEntry, origin: WeightOrigin, outDir: string, log: PrepareLog, onDownload: (done: number, total: number) => void = () => {}): Promise<WeightManifest> {
  const model: ServingModel = { ...entry.info, architecture: entry.architecture, imported: false, source: null, parameters: entry.weights.parameters };
  const { weights } = entry;
  if (weights.kind === 'npy') return writeServingModel(model, npyTensors({ ...entry, weights }, origin), outDir, log);
  await mkdir(outDir, { recursive: true });
  const local = await fetchCheckpoint(entry.info.id, weights, origin, outDir, onDownload);
  try {
    const source = await fileSource(local.file);
    try {
      const records = await readStateDict(source);
      const name = path.basename(weights.mirrorFile);
      const tensors = checkpointTensors(ARCHITECTURES[entry.architecture], records, name);
      return await writeServingModel({ ...model, source: { file: name, bytes: weights.bytes, sha256: weights.sha256 } }, tensors, outDir, log);
    } finally {
      await source.close();
    }
  } finally {
    await local.release();
  }
}

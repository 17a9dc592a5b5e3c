import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { GradlensError } from '../../core/errors.ts';
import { ARCHITECTURES, isArchitectureId } from '../architectures.ts';
import { IMAGENET_CLASSES } from '../imagenet-classes.ts';
import type { WeightManifest } from '../manifest.ts';
import { fileSource } from '../pytorch/byte-sources.ts';
import { readStateDict } from '../pytorch/read-state-dict.ts';
import { MODEL_ID_PATTERN } from '../model-id.ts';
import { MODELS } from '../registry.ts';
import { checkpointTensors, expectedTensors } from './checkpoint-tensors.ts';
import { fileSha256 } from './fetch-checkpoint.ts';
import { writeServingModel, type PrepareLog } from './prepare-model.ts';
import { writeModelIndex } from './write-model-index.ts';

export interface ImportRequest {
  architecture: string;
  /** The checkpoint: a state_dict saved by torch.save, legacy or zip format. */
  weights: string;
  id: string;
  /** A JSON array of class names, one per output; ImageNet's when absent. */
  classes?: string;
  name?: string;
}

const invalid = (message: string, hint?: string) => new GradlensError('options/invalid', message, hint);

async function readClasses(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw invalid(`Cannot read the class names ${file}: ${error.code ?? error.message}.`);
  });
  let names: unknown;
  try {
    names = JSON.parse(text);
  } catch {
    throw invalid(`${file} is not JSON: give the class names as an array of strings, in output order.`);
  }
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string' && n.trim() !== '')) {
    throw invalid(`${file} must be a JSON array of class names (non-empty strings), in output order.`);
  }
  return names as string[];
}

/**
 * Converts a user's torchvision checkpoint into a prepared model under `outDir/<id>/` that the CLI,
 * the site and (when it fits) the API list and use; the checkpoint's SHA-256 goes in the manifest.
 */
export async function importCheckpoint(request: ImportRequest, outDir: string, log: PrepareLog): Promise<WeightManifest> {
  const { id } = request;
  if (!isArchitectureId(request.architecture)) throw invalid(`Unknown architecture "${request.architecture}".`, `Choose one of ${Object.keys(ARCHITECTURES).join(', ')}.`);
  const architecture = ARCHITECTURES[request.architecture];
  if (!MODEL_ID_PATTERN.test(id)) throw invalid(`--id "${id}" is not a model id: use lower-case letters, digits, _ and - (up to 64).`);
  if (Object.hasOwn(MODELS, id)) throw invalid(`--id ${id} is a built-in model; choose another id.`);
  const file = path.basename(request.weights);
  const found = await stat(request.weights).catch((error: NodeJS.ErrnoException) => {
    throw invalid(`Cannot read the checkpoint ${request.weights}: ${error.code ?? error.message}.`);
  });
  if (!found.isFile()) throw invalid(`The checkpoint ${request.weights} is not a file.`);
  const classNames = request.classes ? await readClasses(request.classes) : IMAGENET_CLASSES;
  const sha256 = await fileSha256(request.weights);
  const source = await fileSource(request.weights);
  try {
    const records = await readStateDict(source).catch((error: GradlensError) => {
      throw new GradlensError(error.code ?? 'model/prepare', `${file}: ${error.message}`, error.hint);
    });
    const outputs = expectedTensors(architecture, records).expected.at(-1)!.shape[0];
    if (outputs !== classNames.length) {
      throw invalid(
        `${file} has ${outputs} outputs but ${request.classes ? `${request.classes} names ${classNames.length} classes` : 'no class names were given (ImageNet has 1000)'}.`,
        request.classes ? undefined : 'Give one name per output with --classes FILE.json.',
      );
    }
    const model = {
      id,
      name: request.name ?? `${id} (${architecture.name})`,
      inputSize: architecture.inputSize,
      preprocessing: architecture.preprocessing,
      classNames,
      architecture: architecture.id,
      imported: true,
      source: { file, bytes: found.size, sha256 },
    };
    const manifest = await writeServingModel(model, checkpointTensors(architecture, records, file), outDir, log);
    await writeModelIndex(outDir);
    return manifest;
  } finally {
    await source.close();
  }
}

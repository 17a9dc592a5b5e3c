import { GradlensError } from '../core/errors.ts';
import type { ModelInfo } from '../core/model.ts';
import { IMAGENET_CLASSES } from './imagenet-classes.ts';
import type { Layer } from './layers/layer.ts';
import { IMAGENET_MEAN, IMAGENET_STD } from './preprocessing.ts';
import { squeezenet11Layers } from './squeezenet1_1/architecture.ts';
import { SQUEEZENET11_BASE_URL, SQUEEZENET11_FILES } from './squeezenet1_1/weight-files.ts';
import type { NpyWeightFile } from './weight-files.ts';

/** Everything that makes a model: facts for preprocessing and display, its layers, where its weights come from. */
export interface ModelEntry {
  info: ModelInfo;
  layers: () => Layer[];
  /** Published weights: file names, target tensors, checksums, and the public folder they are served from. */
  weights: { baseUrl: string; files: readonly NpyWeightFile[]; mirrorFolder: string };
}

export const DEFAULT_MODEL_ID = 'squeezenet1_1';

export const MODELS: Readonly<Record<string, ModelEntry>> = {
  squeezenet1_1: {
    info: {
      id: 'squeezenet1_1',
      name: 'SqueezeNet 1.1',
      inputSize: 224,
      mean: IMAGENET_MEAN,
      std: IMAGENET_STD,
      classNames: IMAGENET_CLASSES,
    },
    layers: squeezenet11Layers,
    weights: { baseUrl: SQUEEZENET11_BASE_URL, files: SQUEEZENET11_FILES, mirrorFolder: 'squeezenet1_1/weights' },
  },
};

export function modelEntry(id: string): ModelEntry {
  const entry = Object.hasOwn(MODELS, id) ? MODELS[id] : undefined;
  if (!entry) {
    throw new GradlensError('model/unknown', `Unknown model "${id}".`, `Available models: ${Object.keys(MODELS).join(', ')}.`);
  }
  return entry;
}

export function modelInfo(id: string): ModelInfo {
  return modelEntry(id).info;
}

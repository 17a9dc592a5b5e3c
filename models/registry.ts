import { GradlensError } from '../core/errors.ts';
import type { ModelInfo } from '../core/model.ts';
import { IMAGENET_CLASSES } from './imagenet-classes.ts';
import type { Layer } from './layers/layer.ts';
import { CAFFE_PREPROCESSING, TORCHVISION_PREPROCESSING } from './preprocessing.ts';
import { squeezenet10Layers } from './squeezenet1_0/architecture.ts';
import { SQUEEZENET10_FILES } from './squeezenet1_0/weight-files.ts';
import { squeezenet11Layers } from './squeezenet1_1/architecture.ts';
import { SQUEEZENET11_BASE_URL, SQUEEZENET11_FILES } from './squeezenet1_1/weight-files.ts';
import type { NpyWeightFile } from './weight-files.ts';

/** Everything that makes a model: facts for preprocessing and display, its layers, where its weights come from. */
export interface ModelEntry {
  info: ModelInfo;
  layers: () => Layer[];
  weights: {
    /** The public folder the files are served from, or null where only a model mirror has them. */
    baseUrl: string | null;
    /** File names, the tensors they become, their checksums. */
    files: readonly NpyWeightFile[];
    /** Where they are inside a model mirror. */
    mirrorFolder: string;
    /** How many parameters the files hold, as their source states (preparation checks it). */
    parameters: number;
  };
}

export const DEFAULT_MODEL_ID = 'squeezenet1_1';

export const MODELS: Readonly<Record<string, ModelEntry>> = {
  squeezenet1_1: {
    info: {
      id: 'squeezenet1_1',
      name: 'SqueezeNet 1.1',
      inputSize: 224,
      preprocessing: TORCHVISION_PREPROCESSING,
      classNames: IMAGENET_CLASSES,
    },
    layers: squeezenet11Layers,
    weights: { baseUrl: SQUEEZENET11_BASE_URL, files: SQUEEZENET11_FILES, mirrorFolder: 'squeezenet1_1/weights', parameters: 1_235_496 },
  },
  squeezenet1_0: {
    info: {
      id: 'squeezenet1_0',
      name: 'SqueezeNet 1.0',
      inputSize: 227,
      preprocessing: CAFFE_PREPROCESSING,
      classNames: IMAGENET_CLASSES,
    },
    layers: squeezenet10Layers,
    weights: { baseUrl: null, files: SQUEEZENET10_FILES, mirrorFolder: 'squeezenet1_0/weights', parameters: 1_248_424 },
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

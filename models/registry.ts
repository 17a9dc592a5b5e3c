import { GradlensError } from '../core/errors.ts';
import type { ModelInfo } from '../core/model.ts';
import { ARCHITECTURES, type ArchitectureId } from './architectures.ts';
import { IMAGENET_CLASSES } from './imagenet-classes.ts';
import type { Layer } from './layers/layer.ts';
import type { Surface } from './model-index.ts';
import { CAFFE_PREPROCESSING, TORCHVISION_PREPROCESSING } from './preprocessing.ts';
import { runsOn } from './runs-on.ts';
import { SQUEEZENET10_FILES } from './squeezenet1_0/weight-files.ts';
import { SQUEEZENET11_BASE_URL, SQUEEZENET11_FILES } from './squeezenet1_1/weight-files.ts';
import { VGG16_CHECKPOINT } from './vgg16/weight-file.ts';
import type { NpyWeightFile } from './weight-files.ts';

/** Published per-tensor .npy files (OIHW kernels). */
export interface NpyWeights {
  kind: 'npy';
  /** The public folder the files are served from, or null where only a model mirror has them. */
  baseUrl: string | null;
  files: readonly NpyWeightFile[];
  /** Their folder inside a model mirror. */
  mirrorFolder: string;
  parameters: number;
}

/** One published PyTorch checkpoint (a torchvision state_dict). */
export interface CheckpointWeights {
  kind: 'pytorch';
  url: string;
  bytes: number;
  sha256: string;
  /** Its path inside a model mirror. */
  mirrorFile: string;
  parameters: number;
}

/** Everything that makes a model: facts for preprocessing and display, its layers, where its weights come from. */
export interface ModelEntry {
  info: ModelInfo;
  architecture: ArchitectureId;
  layers: () => Layer[];
  weights: NpyWeights | CheckpointWeights;
  /** Where it may run (the API only loads weights that fit a Worker). */
  runsOn: Surface[];
}

export const DEFAULT_MODEL_ID = 'squeezenet1_1';

function entry(architecture: ArchitectureId, info: Omit<ModelInfo, 'classNames'>, weights: NpyWeights | CheckpointWeights): ModelEntry {
  return { info: { ...info, classNames: IMAGENET_CLASSES }, architecture, layers: ARCHITECTURES[architecture].layers, weights, runsOn: runsOn(weights.parameters) };
}

export const MODELS: Readonly<Record<string, ModelEntry>> = {
  squeezenet1_1: entry(
    'squeezenet1_1',
    { id: 'squeezenet1_1', name: 'SqueezeNet 1.1', inputSize: 224, preprocessing: TORCHVISION_PREPROCESSING },
    { kind: 'npy', baseUrl: SQUEEZENET11_BASE_URL, files: SQUEEZENET11_FILES, mirrorFolder: 'squeezenet1_1/weights', parameters: 1_235_496 },
  ),
  // The original Caffe release, not torchvision's retraining: 227×227, BGR, mean pixel subtracted.
  squeezenet1_0: entry(
    'squeezenet1_0',
    { id: 'squeezenet1_0', name: 'SqueezeNet 1.0', inputSize: 227, preprocessing: CAFFE_PREPROCESSING },
    { kind: 'npy', baseUrl: null, files: SQUEEZENET10_FILES, mirrorFolder: 'squeezenet1_0/weights', parameters: 1_248_424 },
  ),
  vgg16: entry('vgg16', { id: 'vgg16', name: 'VGG16', inputSize: 224, preprocessing: TORCHVISION_PREPROCESSING }, VGG16_CHECKPOINT),
};

export function modelEntry(id: string): ModelEntry {
  const found = Object.hasOwn(MODELS, id) ? MODELS[id] : undefined;
  if (!found) {
    throw new GradlensError('model/unknown', `Unknown model "${id}".`, `Available models: ${Object.keys(MODELS).join(', ')}.`);
  }
  return found;
}

export function modelInfo(id: string): ModelInfo {
  return modelEntry(id).info;
}

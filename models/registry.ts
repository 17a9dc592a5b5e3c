import { GradlensError } from '../core/errors.ts';
import type { ModelInfo, Preprocessing } from '../core/model.ts';
import { ARCHITECTURES, type ArchitectureId } from './architectures.ts';
import { IMAGENET_CLASSES } from './imagenet-classes.ts';
import type { Layer } from './layers/layer.ts';
import type { Surface } from './model-index.ts';
import { DEFAULT_MODEL_ID, MODEL_FACTS } from './model-facts.ts';
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

export { DEFAULT_MODEL_ID };

type Source = Omit<NpyWeights, 'parameters'> | Omit<CheckpointWeights, 'parameters'>;

function entry(id: string, preprocessing: Preprocessing, source: Source): ModelEntry {
  const { name, inputSize, architecture, parameters } = MODEL_FACTS[id];
  const weights = { ...source, parameters } as NpyWeights | CheckpointWeights;
  return { info: { id, name, inputSize, preprocessing, classNames: IMAGENET_CLASSES }, architecture, layers: ARCHITECTURES[architecture].layers, weights, runsOn: runsOn(parameters) };
}

export const MODELS: Readonly<Record<string, ModelEntry>> = {
  squeezenet1_1: entry('squeezenet1_1', TORCHVISION_PREPROCESSING, { kind: 'npy', baseUrl: SQUEEZENET11_BASE_URL, files: SQUEEZENET11_FILES, mirrorFolder: 'squeezenet1_1/weights' }),
  // The original Caffe release, not torchvision's retraining: 227×227, BGR, mean pixel subtracted.
  squeezenet1_0: entry('squeezenet1_0', CAFFE_PREPROCESSING, { kind: 'npy', baseUrl: null, files: SQUEEZENET10_FILES, mirrorFolder: 'squeezenet1_0/weights' }),
  vgg16: entry('vgg16', TORCHVISION_PREPROCESSING, VGG16_CHECKPOINT),
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

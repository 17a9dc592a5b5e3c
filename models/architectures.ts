/**
 * The architectures gradlens implements, as torchvision defines them: their layers, input, preprocessing
 * and the state_dict they read (torchvision's key names and PyTorch shapes). Built-in models and
 * imported checkpoints both name one of these. Input and preprocessing are torchvision's, which an
 * imported checkpoint was trained with; a built-in model may differ (SqueezeNet 1.0's Caffe weights
 * take 227×227 BGR input, see the registry).
 */
import type { Preprocessing } from '../core/model.ts';
import type { Layer } from './layers/layer.ts';
import { TORCHVISION_PREPROCESSING } from './preprocessing.ts';
import { squeezenet10Layers } from './squeezenet1_0/architecture.ts';
import { squeezenet11Layers } from './squeezenet1_1/architecture.ts';
import { toTfjsLayout } from './prepare/to-tfjs-layout.ts';
import { VGG16_FEATURES, VGG16_FLAT_SIDE, vgg16Layers } from './vgg16/architecture.ts';
import { vgg16ServingLayout } from './vgg16/serving-tensors.ts';

export type ArchitectureId = 'squeezenet1_1' | 'squeezenet1_0' | 'vgg16';

/** One tensor of a state_dict: torchvision's key, the name the layers read, its PyTorch shape. */
export interface StateDictTensor {
  key: string;
  name: string;
  shape: number[];
}

/** The shape a checkpoint gives a key, if it has the key (widths are read from it). */
export type FoundShape = (key: string) => readonly number[] | undefined;

export interface Architecture {
  id: ArchitectureId;
  name: string;
  inputSize: number;
  preprocessing: Preprocessing;
  layers: () => Layer[];
  /**
   * The tensors a state_dict of this architecture holds, with the shapes they must have. Widths
   * (channels, hidden units, classes) are taken from the checkpoint's own output dimensions, defaulting
   * to torchvision's; every input dimension then follows from the layer before, so a checkpoint whose
   * layers do not chain has a wrong shape somewhere. The fixtures' mini VGG16 is a VGG16 by this rule.
   */
  stateDict: (found: FoundShape) => StateDictTensor[];
  /** A checked tensor in PyTorch's layout → the layout the layers read. */
  servingLayout: (tensor: StateDictTensor, data: Float32Array) => { shape: number[]; data: Float32Array };
}

const width = (found: FoundShape, key: string, standard: number) => found(`${key}.weight`)?.[0] ?? standard;

const conv = (key: string, name: string, out: number, inputs: number, side: number): StateDictTensor[] => [
  { key: `${key}.weight`, name: `${name}.weight`, shape: [out, inputs, side, side] },
  { key: `${key}.bias`, name: `${name}.bias`, shape: [out] },
];

/** torchvision's fire modules 2–9: squeeze and expand widths; the same in 1.0 and 1.1. */
const FIRES: readonly [number, number][] = [[16, 64], [16, 64], [32, 128], [32, 128], [48, 192], [48, 192], [64, 256], [64, 256]];

/** Conv1, fire modules 2–9 at their `features` indices, then conv10 (`classifier.1`). */
function squeezenetStateDict(conv1: { out: number; side: number }, fireIndices: readonly number[]) {
  return (found: FoundShape): StateDictTensor[] => {
    const first = width(found, 'features.0', conv1.out);
    const tensors = conv('features.0', 'conv1', first, 3, conv1.side);
    let inputs = first;
    FIRES.forEach(([squeeze, expand], n) => {
      const key = `features.${fireIndices[n]}`;
      const name = `fire${n + 2}`;
      const s = width(found, `${key}.squeeze`, squeeze);
      const e1 = width(found, `${key}.expand1x1`, expand);
      const e3 = width(found, `${key}.expand3x3`, expand);
      tensors.push(...conv(`${key}.squeeze`, `${name}.squeeze`, s, inputs, 1), ...conv(`${key}.expand1x1`, `${name}.expand1x1`, e1, s, 1), ...conv(`${key}.expand3x3`, `${name}.expand3x3`, e3, s, 3));
      inputs = e1 + e3;
    });
    return [...tensors, ...conv('classifier.1', 'conv10', width(found, 'classifier.1', 1000), inputs, 1)];
  };
}

/** VGG16's widths of `features` (config "D"), conv by conv. */
const VGG16_WIDTHS = [64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512];

function vgg16StateDict(found: FoundShape): StateDictTensor[] {
  const tensors: StateDictTensor[] = [];
  let inputs = 3;
  VGG16_FEATURES.filter((item): item is number => item !== 'M').forEach((index, n) => {
    const out = width(found, `features.${index}`, VGG16_WIDTHS[n]);
    tensors.push(...conv(`features.${index}`, `features.${index}`, out, inputs, 3));
    inputs = out;
  });
  inputs *= VGG16_FLAT_SIDE * VGG16_FLAT_SIDE;
  for (const [key, standard] of [['classifier.0', 4096], ['classifier.3', 4096], ['classifier.6', 1000]] as const) {
    const out = width(found, key, standard);
    tensors.push({ key: `${key}.weight`, name: `${key}.weight`, shape: [out, inputs] }, { key: `${key}.bias`, name: `${key}.bias`, shape: [out] });
    inputs = out;
  }
  return tensors;
}

const convLayout = (tensor: StateDictTensor, data: Float32Array) => toTfjsLayout(data, tensor.shape);

export const ARCHITECTURES: Readonly<Record<ArchitectureId, Architecture>> = {
  squeezenet1_1: {
    id: 'squeezenet1_1',
    name: 'SqueezeNet 1.1',
    inputSize: 224,
    preprocessing: TORCHVISION_PREPROCESSING,
    layers: squeezenet11Layers,
    stateDict: squeezenetStateDict({ out: 64, side: 3 }, [3, 4, 6, 7, 9, 10, 11, 12]),
    servingLayout: convLayout,
  },
  squeezenet1_0: {
    id: 'squeezenet1_0',
    name: 'SqueezeNet 1.0',
    inputSize: 224,
    preprocessing: TORCHVISION_PREPROCESSING,
    layers: squeezenet10Layers,
    stateDict: squeezenetStateDict({ out: 96, side: 7 }, [3, 4, 5, 7, 8, 9, 10, 12]),
    servingLayout: convLayout,
  },
  vgg16: {
    id: 'vgg16',
    name: 'VGG16',
    inputSize: 224,
    preprocessing: TORCHVISION_PREPROCESSING,
    layers: vgg16Layers,
    stateDict: vgg16StateDict,
    servingLayout: vgg16ServingLayout,
  },
};

export function isArchitectureId(id: string): id is ArchitectureId {
  return Object.hasOwn(ARCHITECTURES, id);
}

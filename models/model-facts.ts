/**
 * The built-in models' plain facts, without their layers or TF.js: the registry builds its entries on
 * them, and the site's page (which leaves TF.js to its worker) names, sizes and prices models with them.
 */
import type { ArchitectureId } from './architectures.ts';

export const DEFAULT_MODEL_ID = 'squeezenet1_1';

export interface ModelFacts {
  id: string;
  name: string;
  architecture: ArchitectureId;
  inputSize: number;
  /** As the weights' source states it (preparation checks it). */
  parameters: number;
  /** How a deployment that lacks it prepares it, as a sentence. */
  prepare: string;
}

export const MODEL_FACTS: Readonly<Record<string, ModelFacts>> = {
  squeezenet1_1: { id: 'squeezenet1_1', name: 'SqueezeNet 1.1', architecture: 'squeezenet1_1', inputSize: 224, parameters: 1_235_496, prepare: 'run `npm run models`' },
  squeezenet1_0: {
    id: 'squeezenet1_0',
    name: 'SqueezeNet 1.0',
    architecture: 'squeezenet1_0',
    inputSize: 227,
    parameters: 1_248_424,
    prepare: 'its weights are only in the model mirror: run `npm run models` with GRADLENS_MODEL_MIRROR set',
  },
  vgg16: { id: 'vgg16', name: 'VGG16', architecture: 'vgg16', inputSize: 224, parameters: 138_357_544, prepare: 'run `npm run models -- --model vgg16` (a 553 MB checkpoint)' },
};

/** Multiply–accumulates of one forward pass at 224×224, in billions (torchvision's figures). */
export const FORWARD_GMAC_224: Readonly<Record<ArchitectureId, number>> = { squeezenet1_1: 0.35, squeezenet1_0: 0.82, vgg16: 15.5 };

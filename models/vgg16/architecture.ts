import type { Layer } from '../layers/layer.ts';
import { conv } from '../layers/conv.ts';
import { dense } from '../layers/dense.ts';
import { flatten } from '../layers/flatten.ts';
import { maxPool } from '../layers/max-pool.ts';

/** Indices of torchvision vgg16's `features` (config "D"): 3×3 convolutions with ReLU, and 2×2 max-pools. */
/** Side of the feature map the classifier sees: 7×7 for a 224×224 input. */
export const VGG16_FLAT_SIDE = 7;

export const VGG16_FEATURES: readonly (number | 'M')[] = [0, 2, 'M', 5, 7, 'M', 10, 12, 14, 'M', 17, 19, 21, 'M', 24, 26, 28, 'M'];

/**
 * VGG16 (Simonyan & Zisserman 2015), torchvision layout: 13 convolutions 3×3 (padding 1) + ReLU in five
 * blocks, each ending in a 2×2 max-pool; flatten; Linear + ReLU, Linear + ReLU, Linear → class scores
 * (no ReLU: they can be negative). Dropout is the identity at inference; the adaptive average pool is
 * the identity for a 224×224 input. The widths live in the weights, so the same layers run the real
 * network and the fixtures' mini one (every width divided by 8).
 */
export function vgg16Layers(): Layer[] {
  const layers: Layer[] = [];
  let pools = 0;
  for (const item of VGG16_FEATURES) {
    if (item === 'M') layers.push(maxPool(`pool${++pools}`, 2, 2, false));
    else layers.push(conv(`features.${item}`, { stride: 1, pad: 1 }));
  }
  layers.push(flatten('flatten', VGG16_FLAT_SIDE), dense('classifier.0'), dense('classifier.3'), dense('classifier.6', { relu: false }));
  return layers;
}

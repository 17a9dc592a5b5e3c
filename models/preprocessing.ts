import type { Preprocessing } from '../core/model.ts';
import { STANDARD_PREPROCESSING } from '../core/tensor/standard-input.ts';

/** torchvision's ImageNet normalization: RGB, pixels/255, then the dataset's per-channel mean and std (the core's standard input). */
export const TORCHVISION_PREPROCESSING: Preprocessing = STANDARD_PREPROCESSING;

/** The original Caffe SqueezeNet's: BGR, pixel levels 0..255 minus the mean pixel of ImageNet (B, G, R), no std. */
export const CAFFE_PREPROCESSING: Preprocessing = {
  channelOrder: 'bgr',
  scale: 1,
  mean: [104.00694, 116.6685, 122.677246],
  std: [1, 1, 1],
};

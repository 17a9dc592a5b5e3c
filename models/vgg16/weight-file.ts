import type { CheckpointWeights } from '../registry.ts';

/**
 * torchvision's VGG16_Weights.IMAGENET1K_V1 (BSD-3-Clause): one checkpoint in PyTorch's legacy
 * serialization, named after the first 8 hex digits of its SHA-256.
 */
export const VGG16_CHECKPOINT: Omit<CheckpointWeights, 'parameters'> = {
  kind: 'pytorch',
  url: 'https://download.pytorch.org/models/vgg16-397923af.pth',
  bytes: 553_433_881,
  sha256: '397923af8e79cdbb6a7127f12361acd7a2f83e06b05044ddf496e83de57a5bf0',
  mirrorFile: 'vgg16/vgg16-397923af.pth',
};

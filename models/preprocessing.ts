/** Per-channel normalization of pixels/255, as data so every runtime applies the same numbers. */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/** Image I/O shared by the CLI, the edge and the site: pure TypeScript, no Node-only APIs. */
export { checkPixelBudget } from './check-pixel-budget.ts';
export { cropImage } from './crop-image.ts';
export { decodeImage, type DecodeImageOptions } from './decode-image.ts';
export { decodeNpy, type NpyArray } from './decode-npy.ts';
export { encodeNpy } from './encode-npy.ts';
export { encodePng } from './encode-png.ts';
export { fitImage, type FitMode } from './fit-image.ts';
export { modelImage } from './model-image.ts';
export { flattenAlpha } from './flatten-alpha.ts';
export { SUPPORTED_FORMATS_HINT, type ImageFormat, type ImageHeader } from './image-header.ts';
export { DEFAULT_MAX_PIXELS } from './limits.ts';
export { orientImage } from './orient-image.ts';
export { readExifOrientation } from './read-exif-orientation.ts';
export { readImageHeader } from './read-image-header.ts';
export { resizeImage } from './resize-image.ts';

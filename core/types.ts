/** Plain data shared by the CLI, the edge and the site: no tensors cross this boundary. */

/** 8-bit RGB pixels, row-major, 3 bytes a pixel, no alpha (alpha is flattened on white when decoded). */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** RGBA pixels for display (heatmaps with transparency, canvas ImageData). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Unquantized RGB pixels in 0..255 (adversarial images before 8-bit rounding), row-major, 3 a pixel. */
export interface FloatRgbImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** A class to explain or attack: its index, its ImageNet name (or a unique part of it), or `top`. */
export type ClassTarget = 'top' | number | string;

export interface Prediction {
  index: number;
  name: string;
  /** Softmax probability over all classes. */
  probability: number;
  /** Raw class score (before softmax). */
  score: number;
}

export interface ClassRef {
  index: number;
  name: string;
}

import type { ModelCheck } from './self-check.ts';

/**
 * The project's serving format for weights: a JSON manifest plus raw little-endian float32 files.
 * Kernels are stored in TF.js layout (HWIO for convolutions) so loading is a zero-copy view.
 * Version 2 adds the built-in check.
 */
export const MANIFEST_FORMAT = 'gradlens-weights/2';

export interface WeightManifest {
  format: typeof MANIFEST_FORMAT;
  model: string;
  dtype: 'float32';
  /** Binary files in the same folder as the manifest, fetched in order. */
  files: { name: string; bytes: number; sha256: string }[];
  tensors: TensorEntry[];
  /** The built-in check each backend's warm-up must pass (models/self-check.ts). */
  check: ModelCheck;
}

export interface TensorEntry {
  name: string;
  shape: number[];
  file: string;
  /** Byte offset inside `file`; a multiple of 4. */
  offset: number;
}

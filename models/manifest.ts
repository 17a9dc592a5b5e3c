import type { Preprocessing } from '../core/model.ts';
import type { ArchitectureId } from './architectures.ts';
import type { WeightDtype } from './model-index.ts';
import type { ModelCheck } from './self-check.ts';

/**
 * The project's serving format for weights: a JSON manifest plus raw little-endian files, sharded so
 * that no file passes 32 MiB (a browser downloads them with progress and caches each one). Kernels are
 * stored in TF.js layout (HWIO for convolutions) so loading is a view. Two variants hold the same
 * tensors: float32, and float16 at half the size. Version 3 adds the variants, the shards and the
 * model's own facts (an imported model has no registry entry).
 */
export const MANIFEST_FORMAT = 'gradlens-weights/3';

export const SHARD_BYTES = 32 * 1024 * 1024;

export interface WeightFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface WeightVariant {
  /** Shards in order: their concatenation is every tensor back to back. */
  files: WeightFile[];
  /** The built-in check each backend's warm-up must pass with these weights (models/self-check.ts). */
  check: ModelCheck;
}

export interface WeightManifest {
  format: typeof MANIFEST_FORMAT;
  model: string;
  name: string;
  architecture: ArchitectureId;
  inputSize: number;
  preprocessing: Preprocessing;
  parameters: number;
  classCount: number;
  /** `imagenet`, or the file in the model's folder holding its class names (imported models). */
  classes: 'imagenet' | typeof CLASSES_FILE;
  imported: boolean;
  /** The file the weights were converted from, with its SHA-256 (the only checksum an import has). */
  source: { file: string; bytes: number; sha256: string } | null;
  tensors: TensorEntry[];
  variants: Record<WeightDtype, WeightVariant>;
}

export const CLASSES_FILE = 'classes.json';

export interface TensorEntry {
  name: string;
  shape: number[];
  /** Where it starts, in elements, in the concatenation of a variant's shards. */
  offset: number;
}

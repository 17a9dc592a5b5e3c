/**
 * The list of prepared models, written by `npm run models` and `gradlens models import` beside the
 * models' folders (`<models dir>/index.json`). The site's model picker, the CLI's `gradlens models` and
 * the API's `GET /api/v1/models` read it to learn what is prepared, how large each download is, and
 * which imported models exist. Built-in facts stay in the registry; an imported model's facts are here.
 */
import type { ArchitectureId } from './architectures.ts';

export const MODEL_INDEX_FILE = 'index.json';
export const MODEL_INDEX_FORMAT = 'gradlens-models/1';

/** Where a model may run: the API refuses a model whose weights do not fit a Worker's memory. */
export type Surface = 'cli' | 'site' | 'api';

export type WeightDtype = 'float32' | 'float16';

export interface PreparedModel {
  id: string;
  name: string;
  architecture: ArchitectureId;
  inputSize: number;
  parameters: number;
  classCount: number;
  /** Made by `gradlens models import` from a user's checkpoint (no checksum of ours). */
  imported: boolean;
  /** Download size, in bytes, of each weight variant. */
  variants: Record<WeightDtype, number>;
  runsOn: Surface[];
}

export interface ModelIndex {
  format: typeof MODEL_INDEX_FORMAT;
  models: PreparedModel[];
}

import type { Classifier } from '../../../core/model.ts';
import type { CompareProgress, ModelRequest, WeightDtype } from './protocol.ts';

/** What a job over several models gets from the engine: models by id (loaded on demand) and progress. */
export interface ModelsContext {
  modelFor(request: ModelRequest): Promise<Classifier>;
  /** The variant of this model the engine holds already (no download needed), if any. */
  heldDtype(modelId: string): WeightDtype | undefined;
  progress(value: CompareProgress): void;
}

/**
 * The built-in models as the page names them before the server says which are prepared: the plain
 * facts of models/model-facts.ts (the registry holds their layers and imports TF.js, which the page
 * leaves to the worker).
 */
import { DEFAULT_MODEL_ID, MODEL_FACTS, type ModelFacts } from '../../../models/model-facts.ts';

export { DEFAULT_MODEL_ID };

export interface BuiltinModel extends ModelFacts {
  /** The float32 download, for when the server has no model index. */
  approxBytes: number;
}

export const BUILTIN_MODELS: readonly BuiltinModel[] = Object.values(MODEL_FACTS).map((facts) => ({ ...facts, approxBytes: 4 * facts.parameters }));

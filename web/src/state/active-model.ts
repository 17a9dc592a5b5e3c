/** What the page knows of the active model before and after the engine loads it; selectors on the app state. */
import { IMAGENET_CLASSES } from '../../../models/imagenet-classes.ts';
import { BUILTIN_MODELS } from '../lib/builtin-models.ts';
import type { AppState } from './app.ts';

const NO_CLASSES: readonly string[] = [];

/** The input size of a model: from the engine once it is loaded, else from the picker's list. */
export function inputSizeOf(state: Pick<AppState, 'engine' | 'model'>, id: string): number {
  const info = state.engine.info;
  if (info?.modelId === id) return info.inputSize;
  const known = state.model.options?.find((o) => o.id === id) ?? BUILTIN_MODELS.find((b) => b.id === id);
  return known?.inputSize ?? 224;
}

export function activeInputSize(state: Pick<AppState, 'engine' | 'model'>): number {
  return inputSizeOf(state, state.model.id);
}

/** The active model's class names: the engine's once loaded (an import may have its own), ImageNet's for a built-in until then. */
export function activeClassNames(state: Pick<AppState, 'engine' | 'model'>): readonly string[] {
  const info = state.engine.info;
  if (info?.modelId === state.model.id) return info.classNames;
  const option = state.model.options?.find((o) => o.id === state.model.id);
  return option?.imported ? NO_CLASSES : IMAGENET_CLASSES;
}

/** The active model's name for headings ("Predictions · SqueezeNet 1.0"). */
export function activeModelName(state: Pick<AppState, 'engine' | 'model'>): string {
  const info = state.engine.info;
  if (info?.modelId === state.model.id) return info.modelName;
  return (state.model.options?.find((o) => o.id === state.model.id) ?? BUILTIN_MODELS.find((b) => b.id === state.model.id))?.name ?? state.model.id;
}

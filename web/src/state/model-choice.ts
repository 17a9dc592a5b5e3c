/**
 * Choosing the model: from the picker or a link's `model=`. A model the server has not prepared is
 * refused with why; a large download (VGG16) waits for the visitor's yes, with its sizes and the
 * float16 variant offered; otherwise the engine loads it and the image is refitted to its input.
 */
import type { WeightDtype } from '../../../models/model-index.ts';
import { asksFirst } from '../lib/model-options.ts';
import { appStore, patch } from './app.ts';
import { ensureEngine } from './engine.ts';
import { refitInputForModel } from './input.ts';
import { loadModelOptions } from './model-list.ts';
import { whileChoosing } from './model-settled.ts';

/** Why the site cannot run `id`, or null; the options must be loaded. */
function refusal(id: string): string | null {
  const option = appStore.get().model.options?.find((o) => o.id === id);
  if (!option) return `${id} is not a model of this site`;
  return option.unavailable ? `${option.name} is ${option.unavailable}` : null;
}

function activate(id: string, dtype: WeightDtype): void {
  patch('model', { id, dtype, ask: null, notice: null });
  void refitInputForModel();
  void ensureEngine().catch(() => undefined);
}

/** The model every page runs on; large downloads are asked first, the previous model stays until then. */
export function chooseModel(id: string): Promise<void> {
  return whileChoosing(
    (async () => {
      await loadModelOptions();
      if (id === appStore.get().model.id) return;
      const why = refusal(id);
      if (why) {
        patch('model', { notice: { code: 'model/unavailable', message: `Not switched to ${id}: ${why}.` } });
        return;
      }
      const option = appStore.get().model.options!.find((o) => o.id === id)!;
      if (asksFirst(option)) patch('model', { ask: { id, purpose: 'active', dtype: 'float32' }, notice: null });
      else activate(id, 'float32');
    })(),
  );
}

/** A model for the compare view; a large one is asked first, as for the active model. */
export async function addCompareModel(id: string): Promise<void> {
  const options = await loadModelOptions();
  const option = options.find((o) => o.id === id);
  const { models } = appStore.get().compare;
  if (!option || option.unavailable || models.some((m) => m.modelId === id) || models.length >= 3) return;
  if (asksFirst(option)) patch('model', { ask: { id, purpose: 'compare', dtype: 'float32' }, notice: null });
  else patch('compare', { models: [...models, { modelId: id, dtype: 'float32' }], columns: null });
}

export function removeCompareModel(id: string): void {
  patch('compare', { models: appStore.get().compare.models.filter((m) => m.modelId !== id), columns: null });
}

export function setAskDtype(dtype: WeightDtype): void {
  const { ask } = appStore.get().model;
  if (ask) patch('model', { ask: { ...ask, dtype } });
}

/** Yes to the large download: the chosen variant becomes the active model or joins the comparison. */
export function confirmModelAsk(): void {
  const { ask } = appStore.get().model;
  if (!ask) return;
  if (ask.purpose === 'active') return activate(ask.id, ask.dtype);
  patch('model', { ask: null });
  patch('compare', { models: [...appStore.get().compare.models, { modelId: ask.id, dtype: ask.dtype }], columns: null });
}

/** No: nothing is downloaded, the previous model stays. */
export function cancelModelAsk(): void {
  patch('model', { ask: null });
}

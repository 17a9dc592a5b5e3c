/**
 * The model picker's list: every built-in model, then whatever else the server prepared (imported
 * models), each with its download sizes, or why the site cannot run it. Pure, tested without a DOM.
 */
import type { ArchitectureId } from '../../../models/architectures.ts';
import type { PreparedModel, WeightDtype } from '../../../models/model-index.ts';
import { BUILTIN_MODELS } from './builtin-models.ts';

export interface ModelOption {
  id: string;
  name: string;
  inputSize: number;
  architecture: ArchitectureId;
  imported: boolean;
  /** Download bytes of each weight variant (float16 0 when the server has none). */
  variants: Record<WeightDtype, number>;
  /** Why the site cannot run it, or null. */
  unavailable: string | null;
}

/** Above this the page asks before downloading (VGG16: 553 MB in float32, 277 MB in float16). */
export const ASK_ABOVE_BYTES = 100_000_000;

/** `prepared` null: the server has no model index, so every built-in is offered as it may be there. */
export function modelOptions(prepared: readonly PreparedModel[] | null): ModelOption[] {
  const builtins = BUILTIN_MODELS.map((b): ModelOption => {
    const found = prepared?.find((m) => m.id === b.id && !m.imported);
    if (found) return fromIndex(found);
    const base = { id: b.id, name: b.name, inputSize: b.inputSize, architecture: b.architecture, imported: false };
    if (!prepared) return { ...base, variants: { float32: b.approxBytes, float16: 0 }, unavailable: null };
    return { ...base, variants: { float32: 0, float16: 0 }, unavailable: `not prepared on this server (${b.prepare})` };
  });
  const others = (prepared ?? []).filter((m) => !builtins.some((b) => b.id === m.id)).map(fromIndex);
  return [...builtins, ...others];
}

function fromIndex(model: PreparedModel): ModelOption {
  const { id, name, inputSize, architecture, imported, variants, runsOn } = model;
  const unavailable = runsOn.includes('site') ? null : `runs on the ${runsOn.join(' and ').toUpperCase()} only`;
  return { id, name, inputSize, architecture, imported, variants: { float32: variants.float32, float16: variants.float16 ?? 0 }, unavailable };
}

/** Whether choosing this variant of the model needs the visitor's yes first. */
export function asksFirst(option: ModelOption, dtype: WeightDtype = 'float32'): boolean {
  return option.variants[dtype] > ASK_ABOVE_BYTES;
}

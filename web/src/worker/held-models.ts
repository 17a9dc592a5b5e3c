/**
 * The models the engine holds on its backend, by id: loaded on demand (a model switch, the compare
 * view, a transfer check), and the least recently used disposed once more are held than the budget
 * allows, so switching back and forth costs no download while memory stays bounded.
 */
import type { Classifier } from '../../../core/model.ts';
import type { WeightDtype } from '../../../models/model-index.ts';

export interface HeldModel {
  model: Classifier;
  dtype: WeightDtype;
  /** Bytes of weights downloaded for it (its variant's files). */
  bytes: number;
  /** Building it and its warm-up check, in ms. */
  warmupMs: number;
}

/** Three SqueezeNets fit many times over; one VGG16 (553 MB) is held alone. */
export const HELD_MODELS_MAX = 3;
export const HELD_BYTES_MAX = 64 * 1024 * 1024;

export class HeldModels {
  private readonly held = new Map<string, HeldModel & { usedAt: number }>();
  private clock = 0;

  /** The held model of that id and variant, marked as just used. */
  get(id: string, dtype: WeightDtype): HeldModel | undefined {
    const entry = this.held.get(id);
    if (!entry || entry.dtype !== dtype) return undefined;
    entry.usedAt = ++this.clock;
    return entry;
  }

  dtypeOf(id: string): WeightDtype | undefined {
    return this.held.get(id)?.dtype;
  }

  /** Holds a model; one of the same id in another variant is disposed. */
  add(id: string, entry: HeldModel): void {
    this.held.get(id)?.model.dispose();
    this.held.set(id, { ...entry, usedAt: ++this.clock });
  }

  /** Disposes the least recently used models beyond the budget, never one in `keep`. */
  trim(keep: ReadonlySet<string>): void {
    const total = () => [...this.held.values()].reduce((sum, e) => sum + e.bytes, 0);
    const spare = [...this.held.entries()].filter(([id]) => !keep.has(id)).sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [id, entry] of spare) {
      if (this.held.size <= HELD_MODELS_MAX && total() <= HELD_BYTES_MAX) return;
      entry.model.dispose();
      this.held.delete(id);
    }
  }

  /** Forgets every model without disposing it: its backend is gone (a lost device). */
  forget(): void {
    this.held.clear();
  }
}

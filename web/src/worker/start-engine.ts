import { backendOrder, skipReasons, type BackendName, type BackendProbe, type SkippedBackend } from './backends.ts';
import { leaveBackend, probeBackends, startBackend, wasmThreads } from './activate.ts';
import type { HeldModel } from './held-models.ts';
import { loadOnBackend } from './load-on-backend.ts';
import { modelSource } from './model-source.ts';
import type { EngineOptions, InitProgress } from './protocol.ts';

/** The backend the engine settled on, and why each preferred one is not used. */
export interface ActiveBackend {
  name: BackendName;
  probes: BackendProbe[];
  skipped: SkippedBackend[];
  threads: number;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Tries each backend of the order until one builds the first model and passes its built-in check in a
 * warm-up pass (models/self-check.ts); a backend that fails either is left for the next one.
 */
export async function startEngine(input: EngineOptions, progress: (p: InitProgress) => void): Promise<{ backend: ActiveBackend; held: HeldModel }> {
  progress({ phase: 'backend' });
  const probes = await probeBackends();
  const exclude = input.exclude ?? [];
  const failed: SkippedBackend[] = [];
  let backend: BackendName = 'wasm';
  const source = await modelSource(input.dtype ?? 'float32', (p) => progress({ phase: 'weights', backend, ...p }));
  for (const name of backendOrder(probes, input.backend, exclude, input.softwareAdapters)) {
    backend = name;
    let held: HeldModel | null = null;
    try {
      progress({ phase: 'backend', backend: name });
      const precision = await startBackend(name, { threads: input.threads, flags: input.flags });
      held = await loadOnBackend(input, source, () => progress({ phase: 'warmup', backend: name })).catch((error: unknown) => {
        throw new Error(precision ? `${precision}; ${reasonOf(error)}` : reasonOf(error));
      });
      if (precision) throw new Error(precision);
      const threads = name === 'wasm' ? wasmThreads(input.threads) : 1;
      return { backend: { name, probes, skipped: skipReasons(probes, failed, name, exclude), threads }, held };
    } catch (error) {
      held?.model.dispose();
      failed.push({ name, reason: reasonOf(error) });
      leaveBackend(name);
    }
  }
  throw Object.assign(new Error('No TF.js backend could run the model in this browser.'), {
    code: 'engine/no-backend',
    hint: failed.map((s) => `${s.name}: ${s.reason}`).join('; '),
  });
}

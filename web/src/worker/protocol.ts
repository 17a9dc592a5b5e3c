/**
 * Messages between the page and the engine worker. Everything is structured-cloneable plain data:
 * images are `RgbImage`, maps are `Float32Array`s, errors are `{ code, message, hint }`.
 */
import type {
  AttackReport,
  ClassTarget,
  ClassVisualizationOptions,
  ClassVisualizationResult,
  Prediction,
  RgbImage,
  SaliencyOptions,
  SaliencyResult,
} from '../../../core/index.ts';
import type { BackendChoice, BackendName, BackendProbe } from './backends.ts';

export type {
  AttackReport,
  SaliencyMap,
  SaliencyMethod,
  SaliencyOptions,
  SaliencyResult,
} from '../../../core/index.ts';

/** Class visualization options that cross the worker boundary (no callbacks, no signal). */
export type ClassVizOptions = Omit<ClassVisualizationOptions, 'onStep' | 'signal'>;
export type ClassVizResult = ClassVisualizationResult;

/** One job per request type: what goes in, what streams out while it runs, what comes back. */
export interface Jobs {
  init: { input: { modelId: string; backend: BackendChoice }; progress: InitProgress; output: EngineInfo };
  predict: { input: { image: RgbImage; topK: number }; progress: never; output: Prediction[] };
  saliency: { input: { image: RgbImage; options: SaliencyOptions }; progress: never; output: SaliencyResult };
  fgsm: {
    input: { image: RgbImage; epsilon255: number; target?: ClassTarget };
    progress: never;
    output: AttackReport;
  };
  fool: {
    input: { image: RgbImage | null; target: ClassTarget; lr?: number; maxSteps?: number; until8bit?: boolean };
    progress: FoolStep;
    output: AttackReport;
  };
  classviz: { input: ClassVizOptions; progress: ClassVizStep; output: ClassVizResult };
}

export type JobType = keyof Jobs;

export interface InitProgress {
  phase: 'backend' | 'weights' | 'warmup';
  backend?: BackendName;
  loadedBytes?: number;
  totalBytes?: number;
}

export interface EngineInfo {
  backend: BackendName;
  probes: BackendProbe[];
  modelId: string;
  /** Backends that were tried before the active one and failed, with the reason. */
  skipped: { name: BackendName; reason: string }[];
}

export interface FoolStep {
  step: number;
  targetProbability: number;
  top: Prediction;
}

export interface ClassVizStep {
  step: number;
  total: number;
  image?: RgbImage;
  probability?: number;
}

export interface ErrorInfo {
  code: string;
  message: string;
  hint?: string;
}

export type ToWorker =
  | { kind: 'run'; id: number; type: JobType; input: unknown }
  | { kind: 'cancel' | 'pause' | 'resume'; id: number };

export type FromWorker =
  | { kind: 'progress'; id: number; progress: unknown }
  | { kind: 'done'; id: number; output: unknown }
  | { kind: 'failed'; id: number; error: ErrorInfo };

/** Turns anything thrown (GradlensError, DOMException, string) into what the page can show. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; hint?: unknown; name?: unknown };
    const code =
      typeof e.code === 'string' ? e.code : e.name === 'AbortError' ? 'aborted' : 'internal';
    const message = typeof e.message === 'string' && e.message ? e.message : String(error);
    return typeof e.hint === 'string' ? { code, message, hint: e.hint } : { code, message };
  }
  return { code: 'internal', message: String(error) };
}

/** Transferables of a value: the buffers of typed arrays found one or two levels deep. */
export function transferablesOf(value: unknown, depth = 3, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (depth > 0 && value && typeof value === 'object') {
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      transferablesOf(item, depth - 1, out);
    }
  }
  return [...out];
}

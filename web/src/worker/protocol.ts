/**
 * Messages between the page and the engine worker. Everything is structured-cloneable plain data:
 * images are `RgbImage`, maps are `Float32Array`s, errors are `{ code, message, hint }`.
 */
import type { TransferResult } from '../../../core/adversarial/transfer.ts';
import type { WeightDtype } from '../../../models/model-index.ts';
import type {
  AttackReport,
  ClassRef,
  ClassTarget,
  ClassVisualizationOptions,
  ClassVisualizationResult,
  Prediction,
  RgbImage,
  SaliencyOptions,
  SaliencyMap,
  SaliencyResult,
} from '../../../core/index.ts';
import type { BackendChoice, BackendName, BackendProbe, SkippedBackend } from './backends.ts';

export type {
  AttackReport,
  SaliencyMap,
  SaliencyMethod,
  SaliencyOptions,
  SaliencyResult,
} from '../../../core/index.ts';
export type { TransferResult } from '../../../core/adversarial/transfer.ts';
export type { WeightDtype } from '../../../models/model-index.ts';

/** Class visualization options that cross the worker boundary (no callbacks, no signal). */
export type ClassVizOptions = Omit<ClassVisualizationOptions, 'onStep' | 'signal'>;
export type ClassVizResult = ClassVisualizationResult;

/** One job per request type: what goes in, what streams out while it runs, what comes back. */
export interface Jobs {
  init: { input: EngineOptions; progress: InitProgress; output: EngineInfo };
  predict: { input: { image: RgbImage; topK: number }; progress: never; output: Prediction[] };
  saliency: { input: { image: RgbImage; options: SaliencyOptions }; progress: never; output: SaliencyResult };
  fgsm: {
    input: { image: RgbImage; epsilon: number; target?: ClassTarget };
    progress: never;
    output: AttackReport;
  };
  fool: {
    input: { image: RgbImage | null; target: ClassTarget; learningRate?: number; maxSteps?: number; until8bit?: boolean };
    progress: FoolStep;
    output: AttackReport;
  };
  classviz: { input: ClassVizOptions; progress: ClassVizStep; output: ClassVizResult };
  /** One image through several models: each one's predictions and the vanilla map of its top class. */
  compare: { input: { runs: CompareRun[] }; progress: CompareProgress; output: CompareColumn[] };
  /** The saved adversarial image through the other models (core/adversarial/transfer.ts). */
  transfer: { input: TransferInput; progress: CompareProgress; output: TransferOutput };
  /** Diagnostics: the backend's live tensors and bytes (leak checks). */
  memory: { input: Record<string, never>; progress: never; output: { numTensors: number; numBytes: number } };
  /** Diagnostics: make the GPU backend lose its device, as a driver reset would (recovery tests). */
  loseDevice: { input: Record<string, never>; progress: never; output: boolean };
}

/** A model and which of its weight variants to load. */
export interface ModelRequest {
  modelId: string;
  /** Weight variant (default float32); float16 halves the download, its scores differ slightly. */
  dtype?: WeightDtype;
}

export interface EngineOptions extends ModelRequest {
  backend: BackendChoice;
  /** Backends not to try again (one that lost its device earlier in this session). */
  exclude?: BackendName[];
  /** WebAssembly threads; default from the machine when the page is cross-origin isolated. */
  threads?: number;
  /** TF.js environment flags, set as each backend starts (diagnosis and tests; the site sets none). */
  flags?: Record<string, boolean | number>;
  /** Let automatic choice take software GPU adapters as if they were real GPUs (diagnosis and tests). */
  softwareAdapters?: boolean;
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
  /** The active model: every single-model job runs on it. */
  modelId: string;
  modelName: string;
  inputSize: number;
  /** Its classes (an imported model may have its own). */
  classNames: readonly string[];
  dtype: WeightDtype;
  /** Each backend preferred over the active one, with why it is not in use. */
  skipped: SkippedBackend[];
  /** WebAssembly threads (1 on the other backends). */
  threads: number;
  /** From the weights loaded to the check passed: building the model and its warm-up pass (shader compilation on GPU backends). */
  warmupMs: number;
}

export interface CompareRun extends ModelRequest {
  /** Already fitted to this model's input size. */
  image: RgbImage;
}

export interface CompareColumn {
  modelId: string;
  modelName: string;
  inputSize: number;
  predictions: Prediction[];
  /** Vanilla gradient of the model's top class. */
  map: SaliencyMap;
}

/** Which model a multi-model job is at, and its weights' progress while they load. */
export interface CompareProgress {
  modelId: string;
  phase: 'weights' | 'warmup' | 'computing';
  loadedBytes?: number;
  totalBytes?: number;
}

export interface TransferCandidate extends ModelRequest {
  /** A large download: used only when the engine already holds it. */
  large: boolean;
}

export interface TransferInput {
  original: RgbImage;
  /** The adversarial image as saved: 8-bit. */
  adversarial: RgbImage;
  target: ClassRef | null;
  models: TransferCandidate[];
}

export interface TransferOutput {
  results: (TransferResult & { modelName: string })[];
  /** Models left out, with why (a large one not loaded). */
  skipped: { modelId: string; reason: string }[];
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
  | { kind: 'failed'; id: number; error: ErrorInfo }
  /** The job stopped at a checkpoint after `pause`: every step it took was reported before this. */
  | { kind: 'paused'; id: number }
  /** The GPU backend lost its device: every job on it is gone, the engine must restart elsewhere. */
  | { kind: 'lost'; backend: BackendName; reason: string };

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

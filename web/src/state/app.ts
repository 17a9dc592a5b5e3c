/** The app state, in one place. Feature modules (engine, input, saliency, …) update it through actions. */
import type { Prediction, RgbImage } from '../../../core/types.ts';
import type { FitMode } from '../../../core/image/fit-image.ts';
import type { Route } from '../lib/routes.ts';
import type { BackendChoice } from '../worker/backends.ts';
// Only this file of the core's class visualization: it imports no TF.js, the main bundle stays small.
import { PRESETS, type ClassVisualizationSettings } from '../../../core/classviz/presets.ts';
import type {
  AttackReport,
  ClassVizResult,
  CompareColumn,
  CompareProgress,
  EngineInfo,
  FoolStep,
  InitProgress,
  ModelRequest,
  SaliencyMethod,
  SaliencyResult,
  TransferOutput,
  WeightDtype,
} from '../worker/protocol.ts';
import { DEFAULT_MODEL_ID } from '../lib/builtin-models.ts';
import type { ModelOption } from '../lib/model-options.ts';
import { createStore } from './store.ts';
// Plain data, no TF.js: the site's defaults are the core's.
import { DEFAULTS } from '../../../core/defaults.ts';
import type { ApiDocument } from '../api/results.ts';

export interface UserMessage {
  code: string;
  message: string;
  hint?: string;
}

export interface InputImage {
  /** At the active model's resolution (224×224; 227×227 for SqueezeNet 1.0), what every method sees. */
  image: RgbImage;
  /** The decoded image before fitting (long side ≤ 1024 px), kept so the fit mode can change without a new decode. */
  source: RgbImage;
  fit: FitMode;
  name: string;
  originalWidth: number;
  originalHeight: number;
}

export interface ModelState {
  /** The model every single-model job runs on: chosen, and agreed to when its download is large. */
  id: string;
  dtype: WeightDtype;
  /** The picker's list (built-ins, and what the server prepared or imported); null until read. */
  options: ModelOption[] | null;
  /** A large download waiting for the visitor's yes: for the active model or a compare column. */
  ask: { id: string; purpose: 'active' | 'compare'; dtype: WeightDtype } | null;
  /** Why a model asked for (by a link or the picker) is not in use. */
  notice: UserMessage | null;
}

export interface CompareState {
  /** Two or three models, in column order. */
  models: Required<ModelRequest>[];
  running: boolean;
  progress: CompareProgress | null;
  /** Each model's column, with the input fitted to that model's size. */
  columns: (CompareColumn & { image: RgbImage })[] | null;
  error: UserMessage | null;
}

export interface EngineState {
  status: 'off' | 'starting' | 'ready' | 'error';
  choice: BackendChoice;
  progress: InitProgress | null;
  info: EngineInfo | null;
  error: UserMessage | null;
  /** Something the user should know that is not an error: the engine moved after a device loss. */
  notice: UserMessage | null;
}

export type Colormap = 'hot' | 'viridis' | 'gray';
export type MapView = 'overlay' | 'heatmap' | 'mask';

export interface SaliencyState {
  method: SaliencyMethod;
  /** The class explained: `top` (the predicted one) or an index. */
  class: 'top' | number;
  /** Maps of the k most probable classes side by side (overrides `class`, as in the core and the API); null: one map. */
  topK: number | null;
  samples: number;
  steps: number;
  noise: number;
  /** SmoothGrad's seed. */
  seed: number;
  where: 'browser' | 'api';
  colormap: Colormap;
  opacity: number;
  view: MapView;
  quantile: number;
  running: boolean;
  result: SaliencyResult | null;
  /** The stored document when the API computed the maps (rendered by the server as PNGs). */
  apiResult: ApiDocument | null;
  error: UserMessage | null;
  share: { status: 'idle' | 'sharing' | 'done' | 'error'; url?: string; error?: UserMessage };
}

export interface AdversarialState {
  attack: 'fool' | 'fgsm';
  target: number;
  /** The iterative attack starts from a black image instead of the input. */
  black: boolean;
  learningRate: number;
  maxSteps: number;
  /** Keep stepping until the image rounded to 8 bits (the downloadable PNG) fools the model too. */
  until8bit: boolean;
  /** FGSM towards `target` instead of away from the predicted class. */
  fgsmTargeted: boolean;
  /** FGSM step in 0–255 pixel levels. */
  epsilon: number;
  where: 'browser' | 'api';
  running: boolean;
  steps: FoolStep[];
  report: AttackReport | null;
  /** After an attack, classify the saved 8-bit image with the other models too. */
  transfer: boolean;
  transferRunning: boolean;
  transferResult: TransferOutput | null;
  /** The stored document when the API ran FGSM (images as URLs). */
  apiResult: ApiDocument | null;
  error: UserMessage | null;
}

export type ClassVizSettings = Omit<ClassVisualizationSettings, 'step'> & {
  preset: 'cs231n' | 'normalized';
  seed: number;
  class: number;
  init: 'noise' | 'black' | 'upload';
};

export interface SweepCell {
  row: number;
  col: number;
  status: 'waiting' | 'running' | 'done' | 'error';
  result?: ClassVizResult;
}

export interface ClassVizState {
  settings: ClassVizSettings;
  status: 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';
  step: number;
  total: number;
  iterationsPerSecond: number;
  probability: number | null;
  preview: RgbImage | null;
  result: ClassVizResult | null;
  error: UserMessage | null;
  sweep: {
    rowParam: SweepParam;
    colParam: SweepParam;
    rows: number[];
    cols: number[];
    cells: SweepCell[];
    running: boolean;
  };
}

export type SweepParam = 'l2' | 'learningRate' | 'totalVariation' | 'iterations' | 'blurSigma' | 'jitter';

export interface AppState {
  route: Route;
  engine: EngineState;
  model: ModelState;
  compare: CompareState;
  input: InputImage | null;
  /** How the next (and the current) image becomes a square: 'squash' keeps everything, 'center-crop' keeps shapes. */
  inputFit: FitMode;
  inputError: UserMessage | null;
  inputBusy: boolean;
  /** The current square's predictions, computed as soon as it is set (they are cheap); null until then. */
  inputPredictions: Prediction[] | null;
  saliency: SaliencyState;
  adversarial: AdversarialState;
  classviz: ClassVizState;
}

/** The editable settings of a preset, taken from the core so the studio starts where the CLI does. */
export function presetSettings(preset: 'cs231n' | 'normalized'): Omit<ClassVizSettings, 'class' | 'init' | 'seed'> {
  const { iterations, learningRate, l2, totalVariation, blurEvery, blurSigma, jitter } = PRESETS[preset];
  return { preset, iterations, learningRate, l2, totalVariation, blurEvery, blurSigma, jitter };
}

export function initialState(route: Route): AppState {
  const { saliency: s, attack: a, render: r } = DEFAULTS;
  return {
    route,
    engine: { status: 'off', choice: 'auto', progress: null, info: null, error: null, notice: null },
    model: { id: DEFAULT_MODEL_ID, dtype: 'float32', options: null, ask: null, notice: null },
    compare: { models: [{ modelId: 'squeezenet1_1', dtype: 'float32' }, { modelId: 'squeezenet1_0', dtype: 'float32' }], running: false, progress: null, columns: null, error: null },
    input: null,
    inputFit: DEFAULTS.fit,
    inputError: null,
    inputBusy: false,
    inputPredictions: null,
    saliency: {
      method: s.method, class: s.class, topK: null, samples: s.samples, steps: s.steps, noise: s.noise, seed: s.seed,
      where: 'browser', colormap: r.colormap, opacity: r.opacity, view: 'overlay', quantile: r.quantile,
      running: false, result: null, apiResult: null, error: null, share: { status: 'idle' },
    },
    adversarial: {
      attack: 'fool', target: a.target, black: false,
      learningRate: a.learningRate, maxSteps: a.maxSteps, until8bit: a.until8bit, fgsmTargeted: false, epsilon: a.epsilon,
      where: 'browser', running: false, steps: [], report: null, apiResult: null, error: null,
      transfer: false, transferRunning: false, transferResult: null,
    },
    classviz: {
      settings: { ...presetSettings(DEFAULTS.classviz.preset), class: DEFAULTS.classviz.class, init: DEFAULTS.classviz.init, seed: DEFAULTS.classviz.seed },
      status: 'idle', step: 0, total: 0, iterationsPerSecond: 0, probability: null,
      preview: null, result: null, error: null,
      sweep: { rowParam: 'l2', colParam: 'learningRate', rows: [1e-4, 1e-3, 1e-2], cols: [10, 25, 50], cells: [], running: false },
    },
  };
}

export const appStore = createStore<AppState>(
  initialState({ name: 'home' }),
);

/** Updates one feature slice of the state. */
export function patch<K extends keyof AppState>(key: K, update: Partial<AppState[K]>): void {
  appStore.set((state) => ({ [key]: { ...(state[key] as object), ...update } }) as Partial<AppState>);
}

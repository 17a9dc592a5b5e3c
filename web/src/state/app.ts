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
  EngineInfo,
  FoolStep,
  InitProgress,
  SaliencyMethod,
  SaliencyResult,
} from '../worker/protocol.ts';
import { createStore } from './store.ts';
// Plain data, no TF.js: the site's defaults are the core's.
import { DEFAULTS } from '../../../core/defaults.ts';
import { DEFAULT_COLORMAP, DEFAULT_LOCALIZATION_QUANTILE, DEFAULT_OVERLAY_OPACITY } from '../../../core/render/defaults.ts';
import type { ApiDocument } from '../api/results.ts';

export interface UserMessage {
  code: string;
  message: string;
  hint?: string;
}

export interface InputImage {
  /** At model resolution (224×224), what every method sees. */
  image: RgbImage;
  /** The decoded image before fitting (long side ≤ 1024 px), kept so the fit mode can change without a new decode. */
  source: RgbImage;
  fit: FitMode;
  name: string;
  originalWidth: number;
  originalHeight: number;
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
  /** `top-k`: maps of the k best classes side by side; a number: one map for that class. */
  target: 'top-k' | number;
  topK: number;
  samples: number;
  steps: number;
  noise: number;
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
  mode: 'fool' | 'fgsm';
  target: number;
  start: 'image' | 'black';
  lr: number;
  maxSteps: number;
  /** Keep stepping until the image rounded to 8 bits (the downloadable PNG) fools the model too. */
  until8bit: boolean;
  /** FGSM towards `target` instead of away from the predicted class. */
  fgsmTargeted: boolean;
  epsilon255: number;
  where: 'browser' | 'api';
  running: boolean;
  steps: FoolStep[];
  report: AttackReport | null;
  /** The stored document when the API ran FGSM (images as URLs). */
  apiResult: ApiDocument | null;
  error: UserMessage | null;
}

export type ClassVizSettings = Omit<ClassVisualizationSettings, 'step'> & {
  preset: 'cs231n' | 'normalized';
  seed: number;
  target: number;
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
export function presetSettings(preset: 'cs231n' | 'normalized'): Omit<ClassVizSettings, 'target' | 'init' | 'seed'> {
  const { iterations, learningRate, l2, totalVariation, blurEvery, blurSigma, jitter } = PRESETS[preset];
  return { preset, iterations, learningRate, l2, totalVariation, blurEvery, blurSigma, jitter };
}

export function initialState(route: Route): AppState {
  return {
    route,
    engine: { status: 'off', choice: 'auto', progress: null, info: null, error: null, notice: null },
    input: null,
    inputFit: 'squash',
    inputError: null,
    inputBusy: false,
    inputPredictions: null,
    saliency: {
      method: DEFAULTS.saliency.method, target: 'top-k', topK: 3,
      samples: DEFAULTS.saliency.smoothGradSamples, steps: DEFAULTS.saliency.integratedGradientsSteps, noise: DEFAULTS.saliency.smoothGradNoise,
      where: 'browser', colormap: DEFAULT_COLORMAP, opacity: DEFAULT_OVERLAY_OPACITY, view: 'overlay', quantile: DEFAULT_LOCALIZATION_QUANTILE,
      running: false, result: null, apiResult: null, error: null, share: { status: 'idle' },
    },
    adversarial: {
      mode: 'fool', target: 8 /* hen */, start: 'image',
      lr: DEFAULTS.adversarial.foolLearningRate, maxSteps: DEFAULTS.adversarial.foolMaxSteps, until8bit: true, fgsmTargeted: false, epsilon255: DEFAULTS.adversarial.fgsmEpsilon255,
      where: 'browser', running: false, steps: [], report: null, apiResult: null, error: null,
    },
    classviz: {
      settings: { ...presetSettings('cs231n'), target: 76 /* tarantula */, init: 'noise', seed: 1 },
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

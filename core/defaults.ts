/**
 * The default of every request parameter, under its name in the vocabulary (core/vocabulary.ts, the
 * README's "Parameters" table). The core, the CLI, the API, its OpenAPI document and the site read
 * these and nothing else, so the same request means the same thing everywhere. Units are in the docs.
 * Fixed drawing constants that no request can set live in render/constants.ts.
 */
import { PRESETS, type PresetName } from './classviz/presets.ts';
import type { ColormapName } from './render/colormaps.ts';
import type { FitMode } from './image/fit-image.ts';

/** The saliency methods, in the order every surface lists them. */
export const SALIENCY_METHODS = ['vanilla', 'smoothgrad', 'integrated-gradients'] as const;
export type SaliencyMethod = (typeof SALIENCY_METHODS)[number];

export const DEFAULTS = {
  /** How a non-square image becomes the model's square input. */
  fit: 'squash' as FitMode,
  predict: {
    /** Predictions listed. */
    topK: 5,
  },
  saliency: {
    method: 'vanilla' as SaliencyMethod,
    /** The class explained: the predicted one. */
    class: 'top' as const,
    /** k of the side-by-side top-k maps, where a surface offers them without a number (the site's toggle). */
    topK: 3,
    /** SmoothGrad (Smilkov et al. 2017): samples and noise σ as a fraction of the input's value range. */
    samples: 25,
    noise: 0.15,
    /** Integrated Gradients (Sundararajan et al. 2017): Riemann steps from a black image. */
    steps: 25,
    seed: 0,
  },
  attack: {
    /** The API's single-step attack. */
    attack: 'fgsm' as 'fgsm' | 'normalized-step',
    /** FGSM step in 0–255 pixel levels. */
    epsilon: 2,
    /** Step length η of x ← x + η·g/‖g‖₂, in standard-input units (core/tensor/standard-input.ts). */
    learningRate: 1,
    maxSteps: 100,
    /** Go on until the image rounded to 8 bits fools the model too. */
    until8bit: false,
    /** The target a surface preselects when it needs one (the site): 8, hen. */
    target: 8,
    /** The difference image shows 128 + magnification · (adversarial − original). */
    magnification: 10,
  },
  classviz: {
    preset: 'cs231n' as PresetName,
    /** The class a surface preselects when it needs one (the site): 76, tarantula. */
    class: 76,
    init: 'noise' as 'noise' | 'black',
    seed: 0,
    /** Intermediate frames for onStep, every this many iterations. */
    frameEvery: 5,
    /** The preset's own values: iterations, learningRate, l2, totalVariation, blurEvery, blurSigma, jitter. */
    presets: PRESETS,
  },
  render: {
    colormap: 'hot' as ColormapName,
    /** Maps are scaled so this percentile becomes 1: a few extreme pixels would otherwise push the rest to black. */
    clipPercentile: 99.5,
    /** Strength of the colored map over the photo where the map is hottest. */
    opacity: 0.8,
    /** Pixels above this quantile of the map count as the object (Simonyan et al. kept the top 5 %). */
    quantile: 0.95,
  },
} as const;

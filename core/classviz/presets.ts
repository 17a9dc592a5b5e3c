/** How the image moves each step: by the raw gradient (CS231n) or by a step of fixed L2 length. */
export type StepRule = 'raw' | 'normalized';

export interface ClassVisualizationSettings {
  iterations: number;
  learningRate: number;
  l2: number;
  totalVariation: number;
  blurEvery: number;
  blurSigma: number;
  jitter: number;
  step: StepRule;
}

/**
 * CS231n (2017) class visualization: raw-gradient ascent, L2 1e-3, learning rate 25, 100 iterations,
 * blur σ 0.5 every 10 steps, jitter up to 16 px. The normalized preset takes steps of fixed L2 length,
 * the variant the source report sweeps (learning rates 5–20, regularization 1e-1…1e-4, 200 iterations).
 */
/** The numeric settings a preset fixes and a request may override. */
export const TUNABLE_SETTINGS = ['iterations', 'learningRate', 'l2', 'totalVariation', 'blurEvery', 'blurSigma', 'jitter'] as const;

export type PresetName = 'cs231n' | 'normalized';

export const PRESETS: Readonly<Record<PresetName, ClassVisualizationSettings>> = {
  cs231n: { iterations: 100, learningRate: 25, l2: 1e-3, totalVariation: 0, blurEvery: 10, blurSigma: 0.5, jitter: 16, step: 'raw' },
  normalized: { iterations: 200, learningRate: 10, l2: 1e-3, totalVariation: 0, blurEvery: 10, blurSigma: 0.5, jitter: 16, step: 'normalized' },
};

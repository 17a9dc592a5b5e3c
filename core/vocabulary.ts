/**
 * The one vocabulary of request parameters. A parameter has the same name in the core's options, the
 * API's query and form fields and the site's URL query; the CLI spells it as a flag in kebab-case.
 * Old public spellings stay accepted as aliases. The README's "Parameters" table is this list (a test
 * compares them), and defaults and limits are keyed by these names (core/defaults.ts, core/limits.ts).
 */
export type SurfaceName = 'cli' | 'api' | 'site';

export interface Parameter {
  name: string;
  /** The CLI flag, without the dashes. */
  flag: string;
  /** Older spellings still accepted: CLI flags and API fields. */
  aliases?: { cli?: readonly string[]; api?: readonly string[] };
  /** Where the parameter can be given. */
  surfaces: readonly SurfaceName[];
  meaning: string;
}

const ALL: readonly SurfaceName[] = ['cli', 'api', 'site'];

export const VOCABULARY: readonly Parameter[] = [
  { name: 'model', flag: 'model', surfaces: ALL, meaning: 'Model id: squeezenet1_1 (default) or another of GET /api/v1/models.' },
  { name: 'fit', flag: 'fit', surfaces: ALL, meaning: 'How a non-square image becomes the square input: squash or center-crop.' },
  { name: 'class', flag: 'class', surfaces: ALL, meaning: 'The class a saliency map explains or a visualization shows: top, an index 0–999 or a class name.' },
  { name: 'topK', flag: 'top-k', aliases: { cli: ['top'] }, surfaces: ALL, meaning: 'How many of the most probable classes: predictions listed, or one map each (overrides class).' },
  { name: 'method', flag: 'method', surfaces: ALL, meaning: 'Saliency method: vanilla, smoothgrad or integrated-gradients.' },
  { name: 'samples', flag: 'samples', surfaces: ALL, meaning: 'SmoothGrad: noisy copies averaged.' },
  { name: 'noise', flag: 'noise', surfaces: ALL, meaning: 'SmoothGrad: noise σ as a fraction of the input’s value range.' },
  { name: 'steps', flag: 'steps', surfaces: ALL, meaning: 'Integrated Gradients: Riemann steps from a black image.' },
  { name: 'seed', flag: 'seed', surfaces: ALL, meaning: 'Seed of the random numbers (SmoothGrad noise, class-visualization noise and jitter).' },
  { name: 'attack', flag: 'attack', surfaces: ['api', 'site'], meaning: 'fgsm, fool (the iterative attack; a CLI command of its own) or normalized-step (one step of it, API).' },
  { name: 'target', flag: 'target', surfaces: ALL, meaning: 'The class an attack aims for: an index or a name (FGSM without one moves away from the top class).' },
  { name: 'epsilon', flag: 'epsilon', surfaces: ALL, meaning: 'FGSM step in 0–255 pixel levels.' },
  {
    name: 'learningRate',
    flag: 'learning-rate',
    aliases: { cli: ['lr'], api: ['lr'] },
    surfaces: ALL,
    meaning: 'Step length: η of the attack or the ascent’s learning rate, in standard-input units (torchvision-normalized RGB, whatever the model).',
  },
  { name: 'transfer', flag: 'transfer', surfaces: ['cli'], meaning: 'Other models (ids, comma-separated) that classify the saved adversarial image: does the attack transfer?' },
  { name: 'models', flag: 'models', surfaces: ['cli'], meaning: 'The models a comparison runs (ids, comma-separated), each through its own input, one after another.' },
  { name: 'maxSteps', flag: 'max-steps', surfaces: ['cli', 'site'], meaning: 'The iterative attack gives up after this many steps.' },
  { name: 'until8bit', flag: 'until-8bit', surfaces: ['cli', 'site'], meaning: 'The attack goes on until the image rounded to 8 bits fools the model too.' },
  { name: 'black', flag: 'black', surfaces: ['cli', 'site'], meaning: 'The iterative attack starts from a black image instead of the input.' },
  { name: 'preset', flag: 'preset', surfaces: ['cli', 'site'], meaning: 'Class-visualization recipe: cs231n (raw gradient) or normalized (fixed-length steps).' },
  { name: 'iterations', flag: 'iterations', surfaces: ['cli', 'site'], meaning: 'Class-visualization gradient-ascent steps.' },
  { name: 'l2', flag: 'l2', surfaces: ['cli', 'site'], meaning: 'Weight of the L2 penalty on the image.' },
  { name: 'totalVariation', flag: 'total-variation', aliases: { cli: ['tv'] }, surfaces: ['cli', 'site'], meaning: 'Weight of the total-variation penalty.' },
  { name: 'blurEvery', flag: 'blur-every', surfaces: ['cli', 'site'], meaning: 'Gaussian blur every this many steps (0: never).' },
  { name: 'blurSigma', flag: 'blur-sigma', surfaces: ['cli', 'site'], meaning: 'σ of that blur, in pixels.' },
  { name: 'jitter', flag: 'jitter', surfaces: ['cli', 'site'], meaning: 'Random shift of up to this many pixels before each step.' },
  { name: 'init', flag: 'init', surfaces: ['cli', 'site'], meaning: 'Where the visualization starts: noise, black or an image.' },
];

export function parameter(name: string): Parameter {
  const found = VOCABULARY.find((p) => p.name === name);
  if (!found) throw new Error(`"${name}" is not in the vocabulary`);
  return found;
}

/**
 * The site's URL query, in the vocabulary's names (core/vocabulary.ts): `/saliency?method=smoothgrad&samples=50`
 * means what `--method smoothgrad --samples 50` means on the CLI and `method=smoothgrad&samples=50` on
 * the API. Pure functions of the state, tested without a DOM; lib/query-sync.ts ties them to the location.
 */
import { checkParameter } from '../../../core/check-parameter.ts';
import { PRESETS, TUNABLE_SETTINGS, type PresetName } from '../../../core/classviz/presets.ts';
import { SALIENCY_METHODS } from '../../../core/defaults.ts';
import type { Command, LimitedName } from '../../../core/limits.ts';
import { IMAGENET_CLASSES } from '../../../models/imagenet-classes.ts';
import { initialState, presetSettings, type AppState } from '../state/app.ts';

export type QueryPage = 'saliency' | 'adversarial' | 'classviz';

type Slices = Pick<AppState, QueryPage | 'inputFit' | 'model'>;

/** A model id as the loader takes one (built-in or imported); which are prepared is the index's to say. */
const MODEL_ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** A model id: one of `known` when the server's list is at hand, else any well-formed id (checked once the list is read). */
export function modelIdFrom(name: string, value: string, known?: readonly string[]): string {
  if (known) return choice(name, value, known);
  if (!MODEL_ID.test(value)) throw new Error(`${name} must be a model id such as squeezenet1_1, got ${value}.`);
  return value;
}

const NUMBERS: { [P in QueryPage]: { command: Command; names: readonly string[] } } = {
  saliency: { command: 'saliency', names: ['topK', 'samples', 'noise', 'steps', 'seed'] },
  adversarial: { command: 'attack', names: ['epsilon', 'learningRate', 'maxSteps'] },
  classviz: { command: 'classviz', names: [...TUNABLE_SETTINGS, 'seed'] },
};

function choice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!choices.includes(value as T)) throw new Error(`${name} must be one of ${choices.join(', ')}, got ${value}.`);
  return value as T;
}

/** A class index, or an exact ImageNet class name. */
function classIndex(name: string, value: string): number {
  const index = /^\d+$/.test(value) ? Number(value) : IMAGENET_CLASSES.indexOf(value);
  if (!(index >= 0 && index < IMAGENET_CLASSES.length)) throw new Error(`${name} must be a class index (0–999) or an ImageNet class name, got ${value}.`);
  return index;
}

function flag(name: string, value: string): boolean {
  if (value === 'true' || value === '1' || value === '') return true;
  if (value === 'false' || value === '0') return false;
  throw new Error(`${name} must be true or false, got ${value}.`);
}

/** One parameter of one page onto its slice. */
function apply(page: QueryPage, slices: Slices, name: string, value: string, modelIds?: readonly string[]): void {
  const numbers = NUMBERS[page];
  if (numbers.names.includes(name)) {
    const n = checkParameter(numbers.command, name as LimitedName<typeof numbers.command>, value);
    if (page === 'classviz') slices.classviz.settings = { ...slices.classviz.settings, [name]: n };
    else Object.assign(slices[page], { [name]: n });
    return;
  }
  const key = `${page}.${name}`;
  if (name === 'fit') slices.inputFit = choice(name, value, ['squash', 'center-crop']);
  else if (name === 'model') slices.model = { ...slices.model, id: modelIdFrom(name, value, modelIds) };
  else if (key === 'saliency.method') slices.saliency.method = choice(name, value, SALIENCY_METHODS);
  else if (key === 'saliency.class') slices.saliency.class = value === 'top' ? 'top' : classIndex(name, value);
  else if (key === 'adversarial.attack') slices.adversarial.attack = choice(name, value, ['fool', 'fgsm']);
  else if (key === 'adversarial.target') slices.adversarial = { ...slices.adversarial, target: classIndex(name, value), fgsmTargeted: true };
  else if (key === 'adversarial.until8bit' || key === 'adversarial.black') Object.assign(slices.adversarial, { [name]: flag(name, value) });
  else if (key === 'classviz.class') slices.classviz.settings = { ...slices.classviz.settings, class: classIndex(name, value) };
  else if (key === 'classviz.init') slices.classviz.settings = { ...slices.classviz.settings, init: choice(name, value, ['noise', 'black', 'image']) === 'image' ? 'upload' : (value as 'noise' | 'black') };
  else throw new Error(`${name} is not a setting of this page.`);
}

/**
 * The page's slice with the query's settings, and a sentence for each one refused (the rest still
 * applies). The preset comes first, so `?preset=normalized&l2=0.01` is the normalized preset with L2 0.01.
 */
export function settingsFromQuery(page: QueryPage, state: Slices, search: string, modelIds?: readonly string[]): { slices: Slices; problems: string[] } {
  const query = new URLSearchParams(search);
  const slices: Slices = { saliency: { ...state.saliency }, adversarial: { ...state.adversarial }, classviz: { ...state.classviz }, inputFit: state.inputFit, model: { ...state.model } };
  const problems: string[] = [];
  const preset = query.get('preset');
  if (page === 'classviz' && preset !== null) {
    try {
      const name = choice('preset', preset, Object.keys(PRESETS) as PresetName[]);
      slices.classviz.settings = { ...slices.classviz.settings, ...presetSettings(name) };
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  for (const [name, value] of query) {
    if (name === 'preset' && page === 'classviz') continue;
    try {
      apply(page, slices, name, value, modelIds);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { slices, problems };
}

/** The query of a page's settings: only what differs from the defaults, in the vocabulary's names. */
/** The defaults, made once: the query is rewritten on every change of the app state. */
let defaults: AppState | null = null;

export function queryFromSettings(page: QueryPage, state: Slices): string {
  const initial = (defaults ??= initialState({ name: 'home' }));
  const query = new URLSearchParams();
  if (state.inputFit !== initial.inputFit) query.set('fit', state.inputFit);
  if (state.model.id !== initial.model.id) query.set('model', state.model.id);
  const differing = (current: object, base: object, names: readonly string[]) => {
    for (const name of names) {
      const value = (current as Record<string, unknown>)[name];
      if (value !== (base as Record<string, unknown>)[name] && value !== null && value !== undefined) query.set(name, String(value));
    }
  };
  if (page === 'saliency') {
    const s = state.saliency;
    differing(s, initial.saliency, ['method', 'class']);
    if (s.topK !== null) query.set('topK', String(s.topK));
    if (s.method === 'smoothgrad') differing(s, initial.saliency, ['samples', 'noise', 'seed']);
    if (s.method === 'integrated-gradients') differing(s, initial.saliency, ['steps']);
  } else if (page === 'adversarial') {
    const a = state.adversarial;
    differing(a, initial.adversarial, ['attack']);
    if (a.attack === 'fool' || a.fgsmTargeted) differing(a, a.attack === 'fool' ? initial.adversarial : {}, ['target']);
    differing(a, initial.adversarial, a.attack === 'fool' ? ['learningRate', 'maxSteps', 'until8bit', 'black'] : ['epsilon']);
  } else {
    const v = state.classviz.settings;
    const base = { ...initial.classviz.settings, ...presetSettings(v.preset) };
    differing(v, initial.classviz.settings, ['preset', 'class', 'seed']);
    differing(v, base, TUNABLE_SETTINGS);
    if (v.init !== initial.classviz.settings.init) query.set('init', v.init === 'upload' ? 'image' : v.init);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The accepted range of every numeric request parameter, by command and vocabulary name. The core
 * enforces them; the CLI and the site accept exactly these; the edge is stricter where its CPU budget
 * demands it (EDGE_LIMITS, each with its reason). Every surface words a refusal with `limitMessage`.
 */
export interface Limit {
  min: number;
  max: number;
  integer?: boolean;
}

/** A stricter bound of one surface, with the reason it must differ. */
export interface StricterLimit {
  max: number;
  why: string;
}

const SEED = { min: 0, max: 2 ** 32 - 1, integer: true } as const;

export const LIMITS = {
  predict: {
    topK: { min: 1, max: 1000, integer: true },
  },
  saliency: {
    topK: { min: 1, max: 10, integer: true },
    samples: { min: 1, max: 200, integer: true },
    noise: { min: 0, max: 1 },
    steps: { min: 1, max: 500, integer: true },
    seed: SEED,
  },
  attack: {
    epsilon: { min: 0, max: 255 },
    learningRate: { min: 1e-6, max: 1e4 },
    maxSteps: { min: 0, max: 10_000, integer: true },
  },
  classviz: {
    iterations: { min: 0, max: 100_000, integer: true },
    learningRate: { min: 1e-9, max: 1e6 },
    l2: { min: 0, max: 1e3 },
    totalVariation: { min: 0, max: 1e3 },
    blurEvery: { min: 0, max: 100_000, integer: true },
    blurSigma: { min: 0, max: 100 },
    jitter: { min: 0, max: 200, integer: true },
    seed: SEED,
  },
} as const satisfies Record<string, Record<string, Limit>>;

export type Command = keyof typeof LIMITS;
export type LimitedName<C extends Command> = keyof (typeof LIMITS)[C] & string;

/** Where the Worker refuses more than the core: a request there has a few CPU seconds in a 128 MB isolate. */
export const EDGE_LIMITS: { readonly [C in Command]?: { readonly [N in LimitedName<C>]?: StricterLimit } } = {
  predict: { topK: { max: 20, why: 'the stored result stays small' } },
  saliency: {
    topK: { max: 5, why: 'each map is a backward pass within the Worker’s CPU budget' },
    samples: { max: 32, why: 'each sample is a backward pass within the Worker’s CPU budget' },
    steps: { max: 64, why: 'each step is a backward pass within the Worker’s CPU budget' },
  },
};

export type Surface = 'core' | 'edge';

/** The limit of a parameter on a surface, with the reason where the surface is stricter. */
export function limitOf<C extends Command>(command: C, name: LimitedName<C>, surface: Surface = 'core'): Limit & { why?: string } {
  const base = (LIMITS[command] as Record<string, Limit>)[name];
  const stricter = surface === 'edge' ? (EDGE_LIMITS[command] as Record<string, StricterLimit> | undefined)?.[name] : undefined;
  return stricter ? { ...base, max: stricter.max, why: stricter.why } : base;
}

/** The one wording of an out-of-range value, on every surface: "samples must be a whole number from 1 to 32 (…), got 40." */
export function limitMessage(name: string, limit: Limit & { why?: string }, got: unknown): string {
  const kind = limit.integer ? 'a whole number' : 'a number';
  const why = limit.why ? ` (${limit.why})` : '';
  return `${name} must be ${kind} from ${limit.min} to ${limit.max}${why}, got ${String(got)}.`;
}

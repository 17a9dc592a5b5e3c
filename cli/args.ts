/**
 * Reading the CLI's flags through the one vocabulary (core/vocabulary.ts): a parameter's flag is its
 * name in kebab-case, older spellings stay accepted, and values are checked against core/limits.ts with
 * the same wording as the API and the site.
 */
import { checkParameter } from '../core/check-parameter.ts';
import { DEFAULTS } from '../core/defaults.ts';
import { GradlensError } from '../core/errors.ts';
import type { FitMode } from '../core/image/index.ts';
import type { Command as LimitedCommand, LimitedName } from '../core/limits.ts';
import type { ClassTarget } from '../core/types.ts';
import { parameter } from '../core/vocabulary.ts';
import { DEFAULT_MODEL_ID } from '../models/registry.ts';

type FlagOptions = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;

const BOOLEAN_PARAMETERS = new Set(['until8bit', 'black']);

/** parseArgs options for these vocabulary parameters: each flag and its older spellings. */
export function parameterFlags(...names: string[]): FlagOptions {
  const options: FlagOptions = {};
  for (const name of names) {
    const p = parameter(name);
    const type = BOOLEAN_PARAMETERS.has(name) ? 'boolean' : 'string';
    for (const flag of [p.flag, ...(p.aliases?.cli ?? [])]) options[flag] = { type };
  }
  return options;
}

/** Options every command takes. */
export const COMMON_OPTIONS: FlagOptions = {
  ...parameterFlags('model', 'fit'),
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

export type Values = Record<string, string | boolean | undefined>;

/** The value given for a parameter under its flag or an older spelling; both at once is refused. */
export function flagValue(values: Values, name: string): string | boolean | undefined {
  const p = parameter(name);
  const given = [p.flag, ...(p.aliases?.cli ?? [])].filter((flag) => values[flag] !== undefined);
  if (given.length > 1) throw new GradlensError('options/invalid', `Give one of ${given.map((f) => `--${f}`).join(' and ')}: they are the same option.`);
  return given.length === 1 ? values[given[0]] : undefined;
}

/** A numeric parameter within its limit, or undefined when not given (the core's default applies). */
export function numberFlag<C extends LimitedCommand>(values: Values, command: C, name: LimitedName<C>): number | undefined {
  const raw = flagValue(values, name);
  if (raw === undefined) return undefined;
  return checkParameter(command, name, raw === true ? '' : raw);
}

/** `top`, a class index or a class name, exactly as typed (resolved against the model later). */
export function classFlag(values: Values, name: 'class' | 'target'): ClassTarget | undefined {
  const raw = flagValue(values, name);
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.trim() === '') throw new GradlensError('options/invalid', `--${name} needs a class index or name.`);
  return /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
}

/** A parameter with a fixed set of values; absent means the default. */
export function choiceFlag<T extends string>(values: Values, name: string, choices: readonly T[], fallback: T): T {
  const raw = flagValue(values, name) ?? fallback;
  if (!choices.includes(raw as T)) throw new GradlensError('options/invalid', `--${parameter(name).flag} must be one of ${choices.join(', ')}, got "${String(raw)}".`);
  return raw as T;
}

export function fitFlag(values: Values): FitMode {
  return choiceFlag(values, 'fit', ['squash', 'center-crop'], DEFAULTS.fit);
}

export function modelFlag(values: Values): string {
  const model = flagValue(values, 'model');
  return typeof model === 'string' && model !== '' ? model : DEFAULT_MODEL_ID;
}

export function requireString(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new GradlensError('options/invalid', `--${name} is required.`);
  return value;
}

export function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new GradlensError('options/invalid', `Expected one ${what}, got ${positionals.length}.`);
  return positionals[0];
}

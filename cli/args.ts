import { GradlensError } from '../core/errors.ts';
import type { FitMode } from '../core/image/index.ts';
import type { ClassTarget } from '../core/types.ts';
import { DEFAULT_MODEL_ID } from '../models/registry.ts';

/** Options every command takes. */
export const COMMON_OPTIONS = {
  model: { type: 'string', default: DEFAULT_MODEL_ID },
  fit: { type: 'string', default: 'squash' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export type Values = Record<string, string | boolean | undefined>;

/** A numeric option in range, or a clear error naming it. */
export function numberOption(values: Values, name: string, fallback: number | undefined, range: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  const { min = -Infinity, max = Infinity, integer = false } = range;
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const kind = integer ? 'a whole number' : 'a number';
    const bounds = [Number.isFinite(min) ? `≥ ${min}` : '', Number.isFinite(max) ? `≤ ${max}` : ''].filter(Boolean).join(' and ');
    throw new GradlensError('options/invalid', `--${name} must be ${kind}${bounds ? ` ${bounds}` : ''}, got "${String(raw)}".`);
  }
  return value;
}

/** `top`, a class index or a class name, exactly as typed (resolved against the model later). */
export function classOption(values: Values, name: string): ClassTarget | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.trim() === '') throw new GradlensError('options/invalid', `--${name} needs a class index or name.`);
  return /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
}

export function fitOption(values: Values): FitMode {
  const fit = values.fit;
  if (fit !== 'squash' && fit !== 'center-crop') throw new GradlensError('options/invalid', `--fit must be squash or center-crop, got "${String(fit)}".`);
  return fit;
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

import { GradlensError } from './errors.ts';
import { limitMessage, limitOf, type Command, type LimitedName, type Surface } from './limits.ts';

/**
 * A parameter's value within its limit (core/limits.ts), or the `options/invalid` error every surface
 * shows. Strings are read as numbers, so CLI flags, form fields and URL queries go through here as typed.
 */
export function checkParameter<C extends Command>(command: C, name: LimitedName<C>, value: unknown, surface: Surface = 'core'): number {
  const limit = limitOf(command, name, surface);
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < limit.min || n > limit.max || (limit.integer && !Number.isInteger(n))) {
    throw new GradlensError('options/invalid', limitMessage(name, limit, value));
  }
  return n;
}

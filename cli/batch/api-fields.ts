import { GradlensError } from '../../core/errors.ts';
import { VOCABULARY } from '../../core/vocabulary.ts';
import { flagValue, type Values } from '../args.ts';
import type { ImageCommand } from '../command.ts';

/**
 * The form fields of an API request: every parameter given on the command line under its vocabulary
 * name (the API's), as typed; the API applies its own defaults and its stricter edge limits. fgsm is
 * the adversarial route's `attack=fgsm`. A CLI-only parameter (`--transfer`) is refused: the API would
 * not do it.
 */
export function apiFields(values: Values, command: ImageCommand['name']): Record<string, string> {
  const fields: Record<string, string> = command === 'fgsm' ? { attack: 'fgsm' } : {};
  for (const p of VOCABULARY) {
    const value = flagValue(values, p.name);
    if (value === undefined) continue;
    if (!p.surfaces.includes('api')) throw new GradlensError('options/invalid', `--${p.flag} is not offered by the API; run the batch without --api.`);
    fields[p.name] = String(value);
  }
  return fields;
}

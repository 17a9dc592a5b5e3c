import { GradlensError } from '../errors.ts';
import type { ModelInfo } from '../model.ts';
import type { ClassRef, ClassTarget } from '../types.ts';

/**
 * A class index or name → the class. Names match whole ImageNet labels first (exact case before any
 * case: ImageNet has both "Cardigan", the corgi, and "cardigan", the sweater), then a unique
 * comma-separated synonym or substring ("hay", "tabby", "sports car"). `top` is resolved by the caller.
 */
export function resolveClass(info: ModelInfo, target: Exclude<ClassTarget, 'top'>): ClassRef {
  const names = info.classNames;
  const asNumber = typeof target === 'number' ? target : /^\d+$/.test(target.trim()) ? Number(target) : NaN;
  if (typeof target === 'number' || !Number.isNaN(asNumber)) {
    if (!Number.isInteger(asNumber) || asNumber < 0 || asNumber >= names.length) {
      throw new GradlensError('class/unknown', `Class index ${target} is out of range.`, `Use 0 to ${names.length - 1}.`);
    }
    return { index: asNumber, name: names[asNumber] };
  }
  const exactCase = names.indexOf(target.trim());
  if (exactCase >= 0) return { index: exactCase, name: names[exactCase] };
  const wanted = target.trim().toLowerCase();
  const anyCase = names.flatMap((n, i) => (n.toLowerCase() === wanted ? [i] : []));
  const synonym = names.flatMap((n, i) => (n.toLowerCase().split(/,\s*/).includes(wanted) ? [i] : []));
  const matches = [anyCase, synonym].find((m) => m.length > 0) ?? names.flatMap((n, i) => (n.toLowerCase().includes(wanted) && wanted ? [i] : []));
  if (matches.length === 1) return { index: matches[0], name: names[matches[0]] };
  if (matches.length === 0) {
    throw new GradlensError('class/unknown', `No class is called "${target}".`, `Give a class index (0–${names.length - 1}) or an ImageNet class name.`);
  }
  const examples = matches.slice(0, 5).map((i) => `${i} ${names[i]}`).join('; ');
  throw new GradlensError('class/ambiguous', `"${target}" matches ${matches.length} classes.`, `Be more specific or give an index: ${examples}.`);
}

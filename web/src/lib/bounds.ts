import { limitOf, type Command, type LimitedName, type Surface } from '../../../core/limits.ts';

/** min/max of a number input, from the one set of limits (the edge's where the server computes). */
export function inputBounds<C extends Command>(command: C, name: LimitedName<C>, surface: Surface = 'core'): { min: number; max: number } {
  const { min, max } = limitOf(command, name, surface);
  return { min, max };
}

import type { ParseArgsConfig } from 'node:util';
import { GradlensError } from '../../core/errors.ts';
import type { Values } from '../args.ts';
import type { ImageCommand } from '../command.ts';
import { IMAGE_COMMANDS } from './image-commands.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Every flag of the batched commands, without defaults: `gradlens batch` parses these for whichever
 * command it runs, and `commandValues` then refuses the flags of the others.
 */
export function batchedFlags(): Options {
  const all: Options = {};
  for (const command of IMAGE_COMMANDS) {
    for (const [flag, { default: _default, ...option }] of Object.entries(command.options)) all[flag] = option;
  }
  return all;
}

/**
 * The values the single command would have parsed: the flags given (none of another command, none of
 * batch's own `own`) and the command's defaults for the rest.
 */
export function commandValues(command: ImageCommand, values: Values, own: readonly string[]): Values {
  const result: Values = {};
  for (const [flag, option] of Object.entries(command.options)) if (option.default !== undefined) result[flag] = option.default as string | boolean;
  for (const [flag, value] of Object.entries(values)) {
    if (value === undefined || own.includes(flag)) continue;
    if (!Object.hasOwn(command.options, flag)) {
      const owner = IMAGE_COMMANDS.find((c) => Object.hasOwn(c.options, flag));
      throw new GradlensError('options/invalid', `--${flag} does not apply to batch ${command.name}${owner ? ` (it is an option of ${owner.name})` : ''}.`);
    }
    result[flag] = value;
  }
  return result;
}

import type { ParseArgsConfig } from 'node:util';
import type { Classifier } from '../core/model.ts';

export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** Loads the WASM backend and the model named by --model (once). */
  model(): Promise<Classifier>;
  /** Human-readable lines go here unless --json is given. */
  say(line: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the JSON object printed with --json. */
  run(ctx: CommandContext): Promise<Record<string, unknown>>;
}

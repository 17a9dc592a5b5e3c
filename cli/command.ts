import type { ParseArgsConfig } from 'node:util';
import type { Classifier } from '../core/model.ts';

export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** Loads the WASM backend and the model named by --model (once). */
  model(): Promise<Classifier>;
  /** Human-readable lines go here unless --json is given. */
  say(line: string): void;
  /** The exit status once the command returns: 0, or what a command that partly failed sets (batch: 1). */
  status: number;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the JSON object printed with --json. */
  run(ctx: CommandContext): Promise<Record<string, unknown>>;
}

/**
 * The work of a command on one image, its flags already read: writes the outputs under `out` (a file
 * name whose extension says the kind; predict writes nothing) and returns the command's JSON object.
 */
export type ImageJob = (ctx: CommandContext, image: string, out: string) => Promise<Record<string, unknown>>;

/** A command that `gradlens batch` can run over many images: reading its flags is separate from the work. */
export interface ImageCommand extends Command {
  name: 'predict' | 'saliency' | 'fgsm';
  /** Reads and checks the flags (no model needed), so a batch refuses bad ones before any work. */
  job(values: CommandContext['values']): ImageJob;
}

import { parseArgs } from 'node:util';
import { isGradlensError } from '../core/errors.ts';
import type { Classifier } from '../core/model.ts';
import { modelFlag } from './args.ts';
import type { Command, CommandContext } from './command.ts';
import { batchCommand } from './commands/batch.ts';
import { classvizCommand } from './commands/classviz.ts';
import { compareCommand } from './commands/compare.ts';
import { fgsmCommand } from './commands/fgsm.ts';
import { foolCommand } from './commands/fool.ts';
import { modelsCommand } from './commands/models.ts';
import { predictCommand } from './commands/predict.ts';
import { saliencyCommand } from './commands/saliency.ts';
import { loadNodeModel } from './node-model.ts';

const COMMANDS: Command[] = [predictCommand, saliencyCommand, fgsmCommand, foolCommand, classvizCommand, compareCommand, batchCommand, modelsCommand];

function overview(): string {
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`);
  return `gradlens — how a CNN sees an image (SqueezeNet 1.1 or 1.0, TF.js WASM)\n\nCommands:\n${lines.join('\n')}\n\nRun gradlens COMMAND --help for its options.`;
}

/** One line for any failure: the message, and the hint where there is one. */
function failureLine(error: unknown): string {
  if (isGradlensError(error)) return `gradlens: ${error.message}${error.hint ? ` ${error.hint}` : ''}`;
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return `gradlens: ${(error as Error).message.split('\n')[0]}`;
  return `gradlens: unexpected error: ${(error as Error).message ?? String(error)}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`gradlens: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (values.help) {
      console.log(`usage: ${command.usage}`);
      return 0;
    }
    const json = values.json === true;
    let model: Promise<Classifier> | null = null;
    const ctx: CommandContext = {
      values: values as CommandContext['values'],
      positionals,
      model: () => (model ??= loadNodeModel(modelFlag(values as CommandContext['values']))),
      say: (line) => {
        if (!json) console.log(line);
      },
      status: 0,
    };
    const result = await command.run(ctx);
    if (json) console.log(JSON.stringify(result));
    return ctx.status;
  } catch (error) {
    console.error(failureLine(error));
    return isGradlensError(error) || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

/**
 * The home page's examples on their own: `npx tsx models/prepare/build-examples.ts [options]`.
 * `npm run models` runs the same step (ensureExamples) after the weights; this entry is for a rebuild
 * by hand and for the test, which writes to a temporary folder with fewer iterations.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isGradlensError } from '../../core/errors.ts';
import { DATA_MIRROR_VARIABLE } from './prepare-samples.ts';
import { ensureExamples, prepareExamples } from './prepare-examples.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLES_DIR = path.join(repoRoot, 'web/public/examples');

const USAGE = `usage: npx tsx models/prepare/build-examples.ts [--data DIR] [--out DIR] [--models DIR] [--iterations N] [--force]
  --data DIR        labelled sample images (default: $${DATA_MIRROR_VARIABLE}; else an empty index)
  --out DIR         where the pictures and index.json go (default: web/public/examples)
  --models DIR      prepared weights (default: web/public/models)
  --iterations N    class-visualization iterations (default: the preset's)
  --force           render even when the examples are up to date`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help')) return void console.log(USAGE);
  const dataDir = option(args, '--data') ?? process.env[DATA_MIRROR_VARIABLE] ?? null;
  const outDir = path.resolve(option(args, '--out') ?? EXAMPLES_DIR);
  const modelsDir = option(args, '--models');
  const iterationsText = option(args, '--iterations');
  const iterations = iterationsText === undefined ? undefined : Number(iterationsText);
  if (iterations !== undefined && !(Number.isInteger(iterations) && iterations >= 0)) {
    throw new Error(`--iterations must be a whole number ≥ 0, got ${iterationsText}.`);
  }
  const options = { outDir, modelsDir, iterations, log: (line: string) => console.error(line) };
  const started = performance.now();
  if (args.includes('--force') && dataDir) await prepareExamples({ ...options, dataDir });
  else console.error(`Examples: ${await ensureExamples(dataDir, options)}`);
  console.error(`  ${path.relative(process.cwd(), outDir) || '.'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const hint = isGradlensError(error) && error.hint ? `\n  ${error.hint}` : '';
  console.error(`gradlens examples: ${(error as Error).message}${hint}`);
  process.exit(1);
});

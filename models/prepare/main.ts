import { access, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isGradlensError } from '../../core/errors.ts';
import { MANIFEST_FORMAT } from '../manifest.ts';
import { MODELS, modelEntry } from '../registry.ts';
import { progressBar } from '../../cli/progress-bar.ts';
import { prepareModel } from './prepare-model.ts';
import { writeModelIndex } from './write-model-index.ts';
import { DATA_MIRROR_VARIABLE, ensureSampleIndex, prepareSamples } from './prepare-samples.ts';
import { MIRROR_VARIABLE, weightOrigin, type WeightOrigin } from './read-weight-file.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Prepared files live where the site's static build picks them up, and the Worker serves them. */
export const PREPARED_MODELS_DIR = path.join(repoRoot, 'web/public/models');
const SAMPLES_DIR = path.join(repoRoot, 'web/public/samples');
const EXAMPLES_DIR = path.join(repoRoot, 'web/public/examples');

const USAGE = `usage: npm run models -- [--model ID] [--if-missing] [--mirror DIR] [--data DIR]
  --model ID    prepare this model's weights only (${Object.keys(MODELS).join(', ')}); default: every model, the samples and examples
  --mirror DIR  folder holding the published weights (default: $${MIRROR_VARIABLE}; else download from the public URLs)
  --data DIR    labelled sample images for the site and its home page's examples (default: $${DATA_MIRROR_VARIABLE}; else none)
  --if-missing  do nothing for a model whose prepared files already exist`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

/** Prepared files in the current format (an older manifest is prepared again, even with --if-missing). */
async function isCurrent(manifestFile: string): Promise<boolean> {
  const text = await readFile(manifestFile, 'utf8').catch(() => null);
  try {
    return text !== null && (JSON.parse(text) as { format?: unknown }).format === MANIFEST_FORMAT;
  } catch {
    return false;
  }
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help')) return void console.log(USAGE);
  const ifMissing = args.includes('--if-missing');
  const mirror = option(args, '--mirror') ?? process.env[MIRROR_VARIABLE] ?? null;
  const data = option(args, '--data') ?? process.env[DATA_MIRROR_VARIABLE] ?? null;
  if (mirror && !(await exists(mirror))) {
    throw new Error(`The model mirror ${mirror} does not exist (from --mirror or ${MIRROR_VARIABLE}).`);
  }
  const only = option(args, '--model');
  try {
    for (const entry of only ? [modelEntry(only)] : Object.values(MODELS)) {
      if (ifMissing && (await isCurrent(path.join(PREPARED_MODELS_DIR, entry.info.id, 'manifest.json')))) continue;
      let origin: WeightOrigin;
      try {
        origin = weightOrigin(entry, mirror);
        // A large checkpoint is fetched only when asked for by name, or when the mirror has it.
        if (!only && entry.weights.kind === 'pytorch' && !(mirror && (await exists(path.join(mirror, entry.weights.mirrorFile))))) {
          throw new Error(`${entry.info.name} (${Math.round(entry.weights.bytes / 1e6)} MB) is prepared on request only: npm run models -- --model ${entry.info.id}`);
        }
      } catch (error) {
        // Preparing every model, one that only a mirror has must not stop the others (the default model among them).
        if (only) throw error;
        console.error(`gradlens models: skipped: ${(error as Error).message}`);
        continue;
      }
      console.error(`Preparing ${entry.info.name} from ${origin.mirrorDir ?? origin.baseUrl}`);
      const bar = progressBar(`  downloading ${entry.info.id}`);
      const manifest = await prepareModel(entry, origin, PREPARED_MODELS_DIR, entry.weights.kind === 'pytorch' ? (line) => console.error(line) : () => {}, (done, total) => bar.update(done, total, `${(done / 2 ** 20).toFixed(0)} MiB`));
      bar.done();
      const bytes = (dtype: 'float32' | 'float16') => manifest.variants[dtype].files.reduce((sum, f) => sum + f.bytes, 0);
      console.error(`  wrote ${manifest.tensors.length} tensors (float32 ${bytes('float32')} bytes, float16 ${bytes('float16')} bytes) to ${path.relative(process.cwd(), path.join(PREPARED_MODELS_DIR, entry.info.id))}`);
    }
  } finally {
    await writeModelIndex(PREPARED_MODELS_DIR);
  }
  if (only) return;
  if (data && !(ifMissing && (await exists(path.join(SAMPLES_DIR, 'index.json'))))) {
    const count = await prepareSamples(data, SAMPLES_DIR);
    console.error(`Copied ${count} sample images to ${path.relative(process.cwd(), SAMPLES_DIR)}`);
  } else if (!data) {
    await ensureSampleIndex(SAMPLES_DIR);
  }
  await prepareHomeExamples(data);
}

/**
 * The home page's pictures, rendered from the weights just prepared (skipped when up to date). Imported
 * only now: importing it registers TF.js's WASM backend, which the weights' check on the CPU backend
 * should not meet. The site works without the pictures, so a failure is a warning and an empty index.
 */
async function prepareHomeExamples(data: string | null): Promise<void> {
  const { ensureExamples } = await import('./prepare-examples.ts');
  const options = { outDir: EXAMPLES_DIR, modelsDir: PREPARED_MODELS_DIR, log: (line: string) => console.error(line) };
  try {
    await ensureExamples(data, options);
  } catch (error) {
    console.error(`gradlens models: warning: the home page's examples were not rendered: ${(error as Error).message}`);
    await rm(EXAMPLES_DIR, { recursive: true, force: true });
    await ensureExamples(null, options);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const hint = isGradlensError(error) && error.hint ? `\n  ${error.hint}` : '';
  console.error(`gradlens models: ${(error as Error).message}${hint}`);
  process.exit(1);
});

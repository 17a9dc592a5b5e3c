import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GradlensError } from '../../core/errors.ts';
import { COMMON_OPTIONS, modelFlag, requireString } from '../args.ts';
import { removeTempFiles } from '../atomic-write.ts';
import { apiBase, runApiBatch } from '../batch/api-batch.ts';
import { apiFields } from '../batch/api-fields.ts';
import { batchInputs } from '../batch/batch-inputs.ts';
import { batchedFlags, commandValues } from '../batch/command-values.ts';
import { imageCommand, IMAGE_COMMANDS } from '../batch/image-commands.ts';
import { imageFolders } from '../batch/image-folders.ts';
import { runLocalBatch } from '../batch/local-pool.ts';
import { resumePlan } from '../batch/resume-plan.ts';
import { openSummary, readSummary } from '../batch/summary-file.ts';
import { SUMMARY_FILE, type SummaryLine } from '../batch/summary-line.ts';
import type { Command } from '../command.ts';
import { checkModelId } from '../known-model.ts';
import { progressBar } from '../progress-bar.ts';

/** Batch's own flags: how the work is run, not what is computed, so not in the vocabulary (like `models import`'s). */
const OWN = { out: { type: 'string' }, jobs: { type: 'string' }, api: { type: 'string' }, resume: { type: 'boolean' } } as const;
const API_JOBS = 4;
const MAX_JOBS = 64;

function jobsFlag(raw: string | boolean | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const jobs = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) throw new GradlensError('options/invalid', `--jobs must be a whole number from 1 to ${MAX_JOBS}, got ${String(raw)}.`);
  return jobs;
}

export const batchCommand: Command = {
  name: 'batch',
  summary: 'predict, saliency or fgsm over a folder or list of images, locally in parallel or through the API',
  usage:
    'gradlens batch predict|saliency|fgsm INPUT_DIR|LIST.txt [that command\'s options] --out DIR [--jobs N] [--api URL] [--resume] [--json]\n' +
    '  Writes DIR/<image name>/ (the command\'s pictures and <command>.json) and DIR/summary.jsonl, one line per image.\n' +
    `  --jobs: worker threads (default: the cores, ${os.availableParallelism()} here) or, with --api, requests at once (default ${API_JOBS}).\n` +
    '  --resume skips images already done. Exit status 0: all ok; 1: some images failed (see the summary); 2: bad arguments.',
  options: { ...batchedFlags(), ...OWN, json: COMMON_OPTIONS.json, help: COMMON_OPTIONS.help },
  async run(ctx) {
    const [name, input, ...rest] = ctx.positionals;
    const command = imageCommand(name ?? '');
    if (!command) throw new GradlensError('options/invalid', `batch needs a command first: ${IMAGE_COMMANDS.map((c) => c.name).join(', ')}${name ? `, got "${name}"` : ''}.`, 'See gradlens batch --help.');
    if (!input || rest.length > 0) throw new GradlensError('options/invalid', `batch ${command.name} needs one INPUT_DIR or LIST.txt, got ${rest.length + (input ? 1 : 0)}.`);
    const outDir = requireString(ctx.values, 'out');
    const values = commandValues(command, ctx.values, [...Object.keys(OWN), 'json', 'help']);
    command.job(values); // the flags are checked here, before any image is read
    const api = typeof ctx.values.api === 'string' ? apiBase(ctx.values.api) : undefined;
    if (api && values.render !== command.options.render?.default) throw new GradlensError('options/invalid', '--render has no effect with --api: the API gives both the heatmap and the overlay.');
    const fields = api ? apiFields(values, command.name) : {};
    if (!api) checkModelId(modelFlag(values));
    const jobs = jobsFlag(ctx.values.jobs, api ? API_JOBS : os.availableParallelism());

    const images = await batchInputs(input);
    const folders = imageFolders(images);
    await mkdir(outDir, { recursive: true });
    await Promise.all([outDir, ...folders.map((f) => path.join(outDir, f))].map(removeTempFiles));
    const summaryFile = path.join(outDir, SUMMARY_FILE);
    const { kept, todo } = resumePlan(images, ctx.values.resume ? await readSummary(summaryFile) : [], outDir);
    const tasks = todo.map((i) => ({ image: images[i], folder: folders[i] }));

    const summary = await openSummary(summaryFile, kept);
    const bar = progressBar(`batch ${command.name}`);
    const started = performance.now();
    let ok = 0;
    let failed = 0;
    const onLine = (line: SummaryLine) => {
      summary.append(line);
      if (line.status === 'ok') ok++;
      else failed++;
      bar.update(ok + failed, tasks.length, failed > 0 ? `${failed} failed` : '');
    };
    try {
      if (api) await runApiBatch({ base: api, command: command.name, fields, outDir }, tasks, jobs, onLine);
      else await runLocalBatch({ command: command.name, values, outDir }, tasks, jobs, onLine);
    } finally {
      summary.close();
      bar.done();
    }
    const elapsedS = (performance.now() - started) / 1000;
    const seconds = Math.round(elapsedS * 10) / 10;
    const imagesPerSecond = Math.round((tasks.length / Math.max(elapsedS, 1e-3)) * 100) / 100;
    const skipped = kept.length;
    process.stderr.write(`batch ${command.name}: ${ok} ok, ${failed} failed${skipped ? `, ${skipped} already done` : ''} in ${seconds} s (${imagesPerSecond} images/s) → ${summaryFile}\n`);
    ctx.status = failed > 0 ? 1 : 0;
    return { command: command.name, mode: api ? 'api' : 'local', jobs, images: images.length, ok, failed, skipped, seconds, imagesPerSecond, summary: summaryFile };
  },
};

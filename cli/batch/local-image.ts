import { mkdir, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write.ts';
import type { CommandContext, ImageCommand, ImageJob } from '../command.ts';
import { milliseconds } from '../format.ts';
import { errorLine, type SummaryLine } from './summary-line.ts';
import { topPrediction } from './top-prediction.ts';

/** One image of a batch and its output folder's name. */
export interface BatchTask {
  image: string;
  folder: string;
}

/**
 * The picture a command writes into an image's folder: the name the single command would be given as
 * --out. `saliency --top-k K` numbers it (`heatmap-1.png` …), fgsm adds `adversarial-difference.png`.
 */
export function localOutputName(command: ImageCommand['name'], values: CommandContext['values']): string {
  if (command === 'saliency') return values.render === 'overlay' ? 'overlay.png' : 'heatmap.png';
  return command === 'fgsm' ? 'adversarial.png' : ''; // predict writes its JSON object only
}

/** The files a command's JSON object names: saliency `maps[].file`, the attack's `files`. */
function writtenFiles(result: Record<string, unknown>): string[] {
  const { maps, files } = result as { maps?: { file: string }[]; files?: Record<string, string> };
  return [...(maps ?? []).map((m) => m.file), ...Object.values(files ?? {})];
}

/**
 * Runs the single command's own job on one image, in its folder under `outDir`, and writes the command's
 * JSON object beside the pictures as `<command>.json`. Any failure becomes the image's error line.
 */
export async function runLocalImage(job: ImageJob, ctx: CommandContext, command: ImageCommand['name'], task: BatchTask, outDir: string): Promise<SummaryLine> {
  const started = performance.now();
  const folder = path.join(outDir, task.folder);
  try {
    await mkdir(folder, { recursive: true });
    const result = await job(ctx, task.image, path.join(folder, localOutputName(command, ctx.values)));
    const json = path.join(folder, `${command}.json`);
    await writeFileAtomic(json, `${JSON.stringify(result, null, 2)}\n`);
    const outputs = [...writtenFiles(result), json].map((file) => path.relative(outDir, file));
    return { image: task.image, status: 'ok', outputs, top: topPrediction(result), ms: milliseconds(started) };
  } catch (error) {
    await rmdir(folder).catch(() => {}); // only if empty: an image that fails leaves no folder of its own
    return errorLine(task.image, error, started);
  }
}

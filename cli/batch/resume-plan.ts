import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SummaryLine } from './summary-line.ts';

/**
 * What a resumed batch can skip: the images whose latest summary line says ok and whose outputs all
 * still exist. Their lines are kept, in the order the file had them; every other image of this batch
 * (failed, cut off, never started, or with an output gone) is run again, and lines of images no
 * longer in the batch are dropped, so the summary keeps one line per image.
 */
export function resumePlan(images: readonly string[], previous: readonly SummaryLine[], outDir: string): { kept: SummaryLine[]; todo: number[] } {
  const latest = new Map<string, SummaryLine>();
  for (const line of previous) latest.set(path.resolve(line.image), line);
  const finished = (line: SummaryLine | undefined) => line?.status === 'ok' && line.outputs.every((file) => existsSync(path.join(outDir, file)));
  const done = new Set(images.map((image) => path.resolve(image)).filter((image) => finished(latest.get(image))));
  const kept = [...latest.values()].filter((line) => done.has(path.resolve(line.image)));
  const todo = images.flatMap((image, i) => (done.has(path.resolve(image)) ? [] : [i]));
  return { kept, todo };
}

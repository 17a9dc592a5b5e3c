import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../atomic-write.ts';
import type { SummaryLine } from './summary-line.ts';

/** The lines of an earlier run's summary; none when there is no file. A line that does not parse is passed over. */
export async function readSummary(file: string): Promise<SummaryLine[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const lines: SummaryLine[] = [];
  for (const line of text.split('\n')) {
    try {
      if (line.trim() !== '') lines.push(JSON.parse(line) as SummaryLine);
    } catch {
      // Lines are written whole, so only an edit by hand gets here: the image is simply run again.
    }
  }
  return lines;
}

/**
 * Starts the summary with the lines kept from an earlier run (replacing the file atomically), then
 * appends each new line with one write of its own, so a killed run leaves whole lines only.
 */
export async function openSummary(file: string, kept: readonly SummaryLine[]) {
  await writeFileAtomic(file, kept.map((line) => `${JSON.stringify(line)}\n`).join(''));
  const fd = openSync(file, 'a');
  return {
    append(line: SummaryLine): void {
      writeSync(fd, `${JSON.stringify(line)}\n`);
    },
    close(): void {
      closeSync(fd);
    },
  };
}

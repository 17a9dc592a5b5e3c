import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/** Every temp file ends so: a later run can tell a killed run's leftovers from outputs. */
export const TEMP_SUFFIX = '.gradlens-tmp';

/**
 * Writes a file whole or not at all: the bytes go to a temp file in the same folder (same file system,
 * so the rename is atomic), which then replaces the target. A process killed meanwhile leaves the old
 * file or the new one, never half of one; at most a temp file, which `removeTempFiles` clears.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Removes the temp files a killed run left in `dir` (not below it); a missing folder has none. */
export async function removeTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.endsWith(TEMP_SUFFIX)).map((name) => rm(path.join(dir, name), { force: true })));
}

import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GradlensError } from '../../core/errors.ts';

export const DATA_MIRROR_VARIABLE = 'GRADLENS_DATA_MIRROR';

interface LabelledImage {
  file: string;
  label: number;
  name: string;
}

/** Copies a labelled image folder (labels.json + PNGs) into the site's sample set, with an index. */
export async function prepareSamples(dataDir: string, outDir: string): Promise<number> {
  const labelsPath = path.join(dataDir, 'labels.json');
  const raw = await readFile(labelsPath, 'utf8').catch(() => {
    throw new GradlensError('model/prepare', `No labels.json in the data mirror ${dataDir}.`, `Check ${DATA_MIRROR_VARIABLE}.`);
  });
  const labels = JSON.parse(raw) as LabelledImage[];
  await mkdir(outDir, { recursive: true });
  for (const item of labels) await copyFile(path.join(dataDir, item.file), path.join(outDir, path.basename(item.file)));
  const index = labels.map(({ file, label, name }) => ({ file: path.basename(file), label, name }));
  await writeFile(path.join(outDir, 'index.json'), JSON.stringify(index, null, 1));
  return labels.length;
}

/**
 * Without a data mirror the site has no samples. An empty index says so; a missing one would be a 404
 * (a console error) on every page load. An existing index is left as it is. Returns whether it wrote one.
 */
export async function ensureSampleIndex(outDir: string): Promise<boolean> {
  const index = path.join(outDir, 'index.json');
  if (await readFile(index).then(() => true, () => false)) return false;
  await mkdir(outDir, { recursive: true });
  await writeFile(index, '[]\n');
  return true;
}

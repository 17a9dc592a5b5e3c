import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FORMAT, type WeightManifest } from '../manifest.ts';
import { MODEL_INDEX_FILE, MODEL_INDEX_FORMAT, type ModelIndex, type PreparedModel } from '../model-index.ts';
import { MODELS } from '../registry.ts';
import { runsOn } from '../runs-on.ts';

const bytesOf = (manifest: WeightManifest, dtype: 'float32' | 'float16') => manifest.variants[dtype].files.reduce((sum, f) => sum + f.bytes, 0);

/** The index entry of a prepared model, from its manifest. */
export function preparedModel(manifest: WeightManifest): PreparedModel {
  return {
    id: manifest.model,
    name: manifest.name,
    architecture: manifest.architecture,
    inputSize: manifest.inputSize,
    parameters: manifest.parameters,
    classCount: manifest.classCount,
    imported: manifest.imported,
    variants: { float32: bytesOf(manifest, 'float32'), float16: bytesOf(manifest, 'float16') },
    runsOn: manifest.imported ? runsOn(manifest.parameters) : MODELS[manifest.model].runsOn,
  };
}

/** Every model prepared in `dir`, in the current format: built-in ones in the registry's order, then imports by id. */
export async function preparedManifests(dir: string): Promise<WeightManifest[]> {
  const names = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const manifests: WeightManifest[] = [];
  for (const entry of names) {
    if (!entry.isDirectory() || entry.name.includes('.partial-')) continue;
    const text = await readFile(path.join(dir, entry.name, 'manifest.json'), 'utf8').catch(() => null);
    const manifest = text === null ? null : (JSON.parse(text) as WeightManifest);
    if (manifest?.format === MANIFEST_FORMAT && manifest.model === entry.name && (manifest.imported || Object.hasOwn(MODELS, manifest.model))) manifests.push(manifest);
  }
  const order = Object.keys(MODELS);
  const rank = (m: WeightManifest) => (m.imported ? order.length : order.indexOf(m.model));
  return manifests.sort((a, b) => rank(a) - rank(b) || (a.model < b.model ? -1 : 1));
}

/** Rewrites `dir/index.json` from the manifests found there. */
export async function writeModelIndex(dir: string): Promise<ModelIndex> {
  const index: ModelIndex = { format: MODEL_INDEX_FORMAT, models: (await preparedManifests(dir)).map(preparedModel) };
  await writeFile(path.join(dir, MODEL_INDEX_FILE), JSON.stringify(index, null, 1));
  return index;
}

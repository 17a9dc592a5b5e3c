import { readFile } from 'node:fs/promises';
import { compareModels, type ModelComparison } from '../../core/compare/compare-models.ts';
import { GradlensError } from '../../core/errors.ts';
import { flattenAlpha } from '../../core/image/flatten-alpha.ts';
import { comparisonSheet, heatmap, localize } from '../../core/render/index.ts';
import { readModelIndex } from '../../models/read-model-index.ts';
import { modelEntry } from '../../models/registry.ts';
import { COMMON_OPTIONS, fitFlag, flagValue, onePositional, parameterFlags, type Values } from '../args.ts';
import type { Command } from '../command.ts';
import { comparisonTable } from '../comparison-table.ts';
import { fileWeightSource } from '../file-weight-source.ts';
import { outputKind, writePng } from '../image-files.ts';
import { loadNodeModel } from '../node-model.ts';

export const compareCommand: Command = {
  name: 'compare',
  summary: 'one image through several models: predictions and saliency side by side',
  usage:
    'gradlens compare IMAGE --models ID,ID[,ID…] [--fit squash|center-crop] [--out FILE.png] [--json]\n' +
    '  Each model gets its own input (size, preprocessing), its top-5 and the vanilla map of its top class;\n' +
    '  --out writes one column per model: the input and the map. Models are loaded one at a time.',
  options: { ...COMMON_OPTIONS, ...parameterFlags('models'), out: { type: 'string' } },
  async run(ctx) {
    const file = onePositional(ctx.positionals, 'IMAGE');
    if (flagValue(ctx.values, 'model') !== undefined) throw new GradlensError('options/invalid', 'compare takes --models ID,ID (several), not --model.');
    const out = typeof ctx.values.out === 'string' ? ctx.values.out : undefined;
    if (out !== undefined) outputKind(out, ['png']);
    const fit = fitFlag(ctx.values);
    const ids = await modelIds(ctx.values);
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      throw new GradlensError('options/invalid', `Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`);
    });
    const columns = await compareModels(new Uint8Array(bytes), ids, (id) => loadNodeModel(id), fit);
    for (const line of comparisonTable(columns)) ctx.say(line);
    if (out !== undefined) {
      await writePng(out, comparisonSheet(columns.map(sheetColumn)));
      ctx.say(`side by side → ${out}`);
    }
    const models = columns.map((c) => ({
      model: c.model.id,
      name: c.model.name,
      inputSize: c.model.inputSize,
      predictions: c.predictions,
      map: { class: c.map.class, max: c.map.data.reduce((a, b) => Math.max(a, b), 0), box: localize(c.map).box },
      timingMs: { saliency: c.timingMs },
    }));
    return { image: file, fit, models, ...(out === undefined ? {} : { file: out }) };
  },
};

/**
 * `--models a,b`: two or more distinct ids, each a built-in model or one `gradlens models import` made,
 * checked before any model is loaded so that a typo costs nothing.
 */
async function modelIds(values: Values): Promise<string[]> {
  const raw = flagValue(values, 'models');
  const ids = typeof raw === 'string' ? raw.split(',').map((id) => id.trim()).filter(Boolean) : [];
  if (ids.length < 2) throw new GradlensError('options/invalid', '--models needs two or more model ids, comma-separated, e.g. --models squeezenet1_1,squeezenet1_0.');
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new GradlensError('options/invalid', `--models names ${repeated} twice; name each model once.`);
  const imported = new Set((await readModelIndex(fileWeightSource())).filter((m) => m.imported).map((m) => m.id));
  for (const id of ids) if (!imported.has(id)) modelEntry(id);
  return ids;
}

function sheetColumn(c: ModelComparison) {
  const top = c.predictions[0];
  return { title: c.model.name, caption: `${top.name} ${(top.probability * 100).toFixed(1)}%`, input: c.image, picture: flattenAlpha(heatmap(c.map)) };
}

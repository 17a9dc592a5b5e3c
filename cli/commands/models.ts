import { GradlensError } from '../../core/errors.ts';
import type { WeightManifest } from '../../models/manifest.ts';
import { importCheckpoint } from '../../models/prepare/import-checkpoint.ts';
import { preparedManifests, preparedModel } from '../../models/prepare/write-model-index.ts';
import { DEFAULT_MODEL_ID, MODELS } from '../../models/registry.ts';
import { COMMON_OPTIONS } from '../args.ts';
import type { Command, CommandContext } from '../command.ts';
import { modelsDir } from '../file-weight-source.ts';

const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** Every model of the table, prepared or not, then the imported ones. */
async function list(ctx: CommandContext) {
  const manifests = await preparedManifests(modelsDir());
  const prepared = new Map(manifests.map((m) => [m.model, m]));
  const models = [];
  const nameWidth = Math.max(...[...Object.values(MODELS).map((m) => m.info.name), ...manifests.map((m) => m.name)].map((n) => n.length));
  for (const { info, weights, architecture, runsOn } of Object.values(MODELS)) {
    const manifest = prepared.get(info.id);
    const variants = manifest && preparedModel(manifest).variants;
    const row = { id: info.id, name: info.name, architecture, inputSize: info.inputSize, parameters: weights.parameters, runsOn, imported: false, default: info.id === DEFAULT_MODEL_ID, prepared: manifest !== undefined };
    models.push(variants ? { ...row, variants } : row);
    const download = weights.kind === 'pytorch' ? `, a ${megabytes(weights.bytes)} download` : '';
    const state = variants ? `prepared, ${megabytes(variants.float32)}` : `not prepared (npm run models -- --model ${info.id}${download})`;
    ctx.say(`${info.id.padEnd(14)} ${info.name.padEnd(nameWidth)} ${info.inputSize}×${info.inputSize}  ${count(weights.parameters).padStart(11)} parameters  ${runsOn.join('/').padEnd(12)} ${state}${info.id === DEFAULT_MODEL_ID ? '  (default)' : ''}`);
  }
  for (const manifest of manifests.filter((m) => m.imported)) {
    const row = preparedModel(manifest);
    models.push({ ...row, prepared: true, default: false, source: manifest.source });
    ctx.say(`${row.id.padEnd(14)} ${row.name.padEnd(nameWidth)} ${row.inputSize}×${row.inputSize}  ${count(row.parameters).padStart(11)} parameters  ${row.runsOn.join('/').padEnd(12)} imported from ${manifest.source?.file}, ${megabytes(row.variants.float32)}`);
  }
  return { models };
}

function text(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new GradlensError('options/invalid', `--${name} needs a value.`);
  return value;
}

async function importModel(ctx: CommandContext): Promise<{ model: ReturnType<typeof preparedModel>; source: WeightManifest['source'] }> {
  const required = (name: string) => text(ctx, name) ?? (() => { throw new GradlensError('options/invalid', `models import needs --${name}.`, 'See gradlens models --help.'); })();
  const request = { architecture: required('arch'), weights: required('weights'), id: required('id'), classes: text(ctx, 'classes'), name: text(ctx, 'name') };
  const manifest = await importCheckpoint(request, modelsDir(), () => {});
  const model = preparedModel(manifest);
  ctx.say(`imported ${model.id}: ${model.name}, ${count(model.parameters)} parameters, ${model.classCount} classes, runs on ${model.runsOn.join('/')}`);
  ctx.say(`  from ${manifest.source?.file} (SHA-256 ${manifest.source?.sha256}); use it with --model ${model.id}`);
  return { model, source: manifest.source };
}

export const modelsCommand: Command = {
  name: 'models',
  summary: 'the models: list them (prepared or not, size, where they run), or import your own checkpoint',
  usage:
    'gradlens models [--json]\n' +
    '       gradlens models import --arch vgg16|squeezenet1_1|squeezenet1_0 --weights FILE.pth --id NAME [--classes FILE.json] [--name TEXT] [--json]',
  options: {
    json: COMMON_OPTIONS.json,
    help: COMMON_OPTIONS.help,
    arch: { type: 'string' },
    weights: { type: 'string' },
    id: { type: 'string' },
    classes: { type: 'string' },
    name: { type: 'string' },
  },
  async run(ctx) {
    const [action, ...rest] = ctx.positionals;
    if (rest.length > 0 || (action !== undefined && action !== 'import')) {
      throw new GradlensError('options/invalid', `Unexpected argument "${rest[0] ?? action}".`, 'See gradlens models --help.');
    }
    if (action === 'import') return importModel(ctx);
    const given = ['arch', 'weights', 'id', 'classes', 'name'].find((name) => ctx.values[name] !== undefined);
    if (given) throw new GradlensError('options/invalid', `--${given} belongs to \`gradlens models import\`.`);
    return list(ctx);
  },
};

import { GradlensError } from '../../core/errors.ts';
import { MANIFEST_FORMAT, type WeightManifest } from '../../models/manifest.ts';
import { DEFAULT_MODEL_ID, MODELS } from '../../models/registry.ts';
import { COMMON_OPTIONS } from '../args.ts';
import type { Command } from '../command.ts';
import { fileWeightSource } from '../file-weight-source.ts';

/** The prepared manifest of a model in the current format, or null where `npm run models` has not made one. */
async function preparedManifest(id: string): Promise<WeightManifest | null> {
  const response = await fileWeightSource()(`${id}/manifest.json`);
  if (!response.ok) return null;
  const manifest = (await response.json().catch(() => null)) as WeightManifest | null;
  return manifest?.format === MANIFEST_FORMAT ? manifest : null;
}

const count = (n: number) => n.toLocaleString('en-US');

export const modelsCommand: Command = {
  name: 'models',
  summary: 'the models of the table: input size, parameters, whether their weights are prepared',
  usage: 'gradlens models [--json]',
  options: { json: COMMON_OPTIONS.json, help: COMMON_OPTIONS.help },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new GradlensError('options/invalid', `Unexpected argument "${ctx.positionals[0]}".`);
    const models = [];
    for (const { info, weights } of Object.values(MODELS)) {
      const manifest = await preparedManifest(info.id);
      const weightBytes = manifest?.files.reduce((sum, f) => sum + f.bytes, 0);
      models.push({ id: info.id, name: info.name, inputSize: info.inputSize, parameters: weights.parameters, default: info.id === DEFAULT_MODEL_ID, prepared: manifest !== null, ...(manifest && { weightBytes }) });
      const state = manifest ? `prepared, ${count(weightBytes!)} bytes` : `not prepared (npm run models -- --model ${info.id})`;
      ctx.say(`${info.id.padEnd(14)} ${info.name.padEnd(15)} ${info.inputSize}×${info.inputSize}  ${count(weights.parameters)} parameters  ${state}${info.id === DEFAULT_MODEL_ID ? '  (default)' : ''}`);
    }
    return { models };
  },
};

import { fgsm } from '../../core/adversarial/fgsm.ts';
import { COMMON_OPTIONS, classOption, fitOption, numberOption, onePositional, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { milliseconds } from '../format.ts';
import { outputKind, readModelImage } from '../image-files.ts';
import { writeAttackOutputs } from './attack-output.ts';

export const fgsmCommand: Command = {
  name: 'fgsm',
  summary: 'single-step FGSM, untargeted or towards --target',
  usage: 'gradlens fgsm IMAGE --epsilon E [--target CLASS] --out FILE.png [--json]   (E in 0–255 pixel units)',
  options: { ...COMMON_OPTIONS, epsilon: { type: 'string' }, target: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const file = onePositional(ctx.positionals, 'IMAGE');
    const out = requireString(ctx.values, 'out');
    outputKind(out, ['png']);
    const epsilon255 = numberOption(ctx.values, 'epsilon', 2, { min: 0, max: 255 });
    const model = await ctx.model();
    const image = await readModelImage(file, model.info.inputSize, fitOption(ctx.values));
    const started = performance.now();
    const report = await fgsm(model, image, { epsilon255, target: classOption(ctx.values, 'target') });
    const timingMs = { fgsm: milliseconds(started) };
    return { image: file, model: model.info.id, epsilon255, ...(await writeAttackOutputs(ctx, report, out)), timingMs };
  },
};

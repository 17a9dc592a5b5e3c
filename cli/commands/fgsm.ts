import { fgsm } from '../../core/adversarial/fgsm.ts';
import { DEFAULTS } from '../../core/defaults.ts';
import { COMMON_OPTIONS, classFlag, fitFlag, numberFlag, onePositional, parameterFlags, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { milliseconds } from '../format.ts';
import { outputKind, readModelImage } from '../image-files.ts';
import { transferFlag, transferOutputs, writeAttackOutputs } from './attack-output.ts';

export const fgsmCommand: Command = {
  name: 'fgsm',
  summary: 'single-step FGSM, untargeted or towards --target',
  usage: `gradlens fgsm IMAGE [--epsilon E (${DEFAULTS.attack.epsilon})] [--target CLASS] [--transfer ID,…] --out FILE.png [--json]   (E in 0–255 pixel levels)`,
  options: { ...COMMON_OPTIONS, ...parameterFlags('epsilon', 'target', 'transfer'), out: { type: 'string' } },
  async run(ctx) {
    const file = onePositional(ctx.positionals, 'IMAGE');
    const out = requireString(ctx.values, 'out');
    outputKind(out, ['png']);
    const epsilon = numberFlag(ctx.values, 'attack', 'epsilon') ?? DEFAULTS.attack.epsilon;
    const model = await ctx.model();
    const others = transferFlag(ctx.values, model.info.id);
    const image = await readModelImage(file, model.info.inputSize, fitFlag(ctx.values));
    const started = performance.now();
    const report = await fgsm(model, image, { epsilon, target: classFlag(ctx.values, 'target') });
    const timingMs = { fgsm: milliseconds(started) };
    return { image: file, model: model.info.id, epsilon, ...(await writeAttackOutputs(ctx, report, out)), ...(await transferOutputs(ctx, others, image, report)), timingMs };
  },
};

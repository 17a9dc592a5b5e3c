import { fgsm } from '../../core/adversarial/fgsm.ts';
import { DEFAULTS } from '../../core/defaults.ts';
import { COMMON_OPTIONS, classFlag, fitFlag, modelFlag, numberFlag, onePositional, parameterFlags, requireString, type Values } from '../args.ts';
import type { ImageCommand, ImageJob } from '../command.ts';
import { milliseconds } from '../format.ts';
import { outputKind, readModelImage } from '../image-files.ts';
import { transferFlag, transferOutputs, writeAttackOutputs } from './attack-output.ts';

export const fgsmCommand: ImageCommand = {
  name: 'fgsm',
  summary: 'single-step FGSM, untargeted or towards --target',
  usage: `gradlens fgsm IMAGE [--epsilon E (${DEFAULTS.attack.epsilon})] [--target CLASS] [--transfer ID,…] --out FILE.png [--json]   (E in 0–255 pixel levels)`,
  options: { ...COMMON_OPTIONS, ...parameterFlags('epsilon', 'target', 'transfer'), out: { type: 'string' } },
  job: fgsmJob,
  async run(ctx) {
    const file = onePositional(ctx.positionals, 'IMAGE');
    const out = requireString(ctx.values, 'out');
    return fgsmJob(ctx.values)(ctx, file, out);
  },
};

function fgsmJob(values: Values): ImageJob {
  const epsilon = numberFlag(values, 'attack', 'epsilon') ?? DEFAULTS.attack.epsilon;
  const target = classFlag(values, 'target');
  const others = transferFlag(values, modelFlag(values));
  const fit = fitFlag(values);
  return async (ctx, file, out) => {
    outputKind(out, ['png']);
    const model = await ctx.model();
    const image = await readModelImage(file, model.info.inputSize, fit);
    const started = performance.now();
    const report = await fgsm(model, image, { epsilon, target });
    const timingMs = { fgsm: milliseconds(started) };
    return { image: file, model: model.info.id, epsilon, ...(await writeAttackOutputs(ctx, report, out)), ...(await transferOutputs(ctx, others, image, report)), timingMs };
  };
}

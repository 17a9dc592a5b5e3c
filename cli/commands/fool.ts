import { fool } from '../../core/adversarial/fool.ts';
import { GradlensError } from '../../core/errors.ts';
import { COMMON_OPTIONS, classOption, fitOption, numberOption, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { milliseconds } from '../format.ts';
import { outputKind, readModelImage } from '../image-files.ts';
import { progressBar } from '../progress-bar.ts';
import { writeAttackOutputs } from './attack-output.ts';

export const foolCommand: Command = {
  name: 'fool',
  summary: 'targeted iterative attack x ← x + η·g/‖g‖₂ until the model predicts --target',
  usage: 'gradlens fool IMAGE|--black --target CLASS [--lr 1] [--max-steps 100] [--until-8bit] --out FILE.png [--json]',
  options: {
    ...COMMON_OPTIONS,
    black: { type: 'boolean', default: false },
    target: { type: 'string' },
    lr: { type: 'string' },
    'max-steps': { type: 'string' },
    'until-8bit': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
  async run(ctx) {
    const black = ctx.values.black === true;
    if (black === (ctx.positionals.length === 1) || ctx.positionals.length > 1) {
      throw new GradlensError('options/invalid', 'Give either one IMAGE or --black.');
    }
    const target = classOption(ctx.values, 'target');
    if (target === undefined) throw new GradlensError('options/invalid', '--target is required.');
    const out = requireString(ctx.values, 'out');
    outputKind(out, ['png']);
    const learningRate = numberOption(ctx.values, 'lr', 1, { min: 1e-6, max: 1e4 });
    const maxSteps = numberOption(ctx.values, 'max-steps', 100, { min: 0, max: 10_000, integer: true })!;
    const fit = fitOption(ctx.values);
    const model = await ctx.model();
    const image = black ? null : await readModelImage(ctx.positionals[0], model.info.inputSize, fit);
    const bar = progressBar('fool');
    const started = performance.now();
    const report = await fool(model, image, {
      target,
      learningRate,
      maxSteps,
      until8bit: ctx.values['until-8bit'] === true,
      onStep: (s) => bar.update(s.step, maxSteps, `p(target) ${(s.targetProbability * 100).toFixed(1)}%`),
    });
    bar.done();
    const timingMs = { fool: milliseconds(started) };
    return { image: black ? 'black' : ctx.positionals[0], model: model.info.id, learningRate, maxSteps, ...(await writeAttackOutputs(ctx, report, out)), timingMs };
  },
};

import { fool } from '../../core/adversarial/fool.ts';
import { DEFAULTS } from '../../core/defaults.ts';
import { GradlensError } from '../../core/errors.ts';
import { COMMON_OPTIONS, classFlag, fitFlag, flagValue, numberFlag, parameterFlags, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { milliseconds } from '../format.ts';
import { outputKind, readModelImage } from '../image-files.ts';
import { progressBar } from '../progress-bar.ts';
import { transferFlag, transferOutputs, writeAttackOutputs } from './attack-output.ts';

const d = DEFAULTS.attack;

export const foolCommand: Command = {
  name: 'fool',
  summary: 'targeted iterative attack x ← x + η·g/‖g‖₂ until the model predicts --target',
  usage: `gradlens fool IMAGE|--black --target CLASS [--learning-rate ${d.learningRate}] [--max-steps ${d.maxSteps}] [--until-8bit] [--transfer ID,…] --out FILE.png [--json]`,
  options: { ...COMMON_OPTIONS, ...parameterFlags('black', 'target', 'learningRate', 'maxSteps', 'until8bit', 'transfer'), out: { type: 'string' } },
  async run(ctx) {
    const black = flagValue(ctx.values, 'black') === true;
    if (black === (ctx.positionals.length === 1) || ctx.positionals.length > 1) {
      throw new GradlensError('options/invalid', 'Give either one IMAGE or --black.');
    }
    const target = classFlag(ctx.values, 'target');
    if (target === undefined) throw new GradlensError('options/invalid', '--target is required.');
    const out = requireString(ctx.values, 'out');
    outputKind(out, ['png']);
    const learningRate = numberFlag(ctx.values, 'attack', 'learningRate') ?? d.learningRate;
    const maxSteps = numberFlag(ctx.values, 'attack', 'maxSteps') ?? d.maxSteps;
    const until8bit = flagValue(ctx.values, 'until8bit') === true || d.until8bit;
    const fit = fitFlag(ctx.values);
    const model = await ctx.model();
    const others = transferFlag(ctx.values, model.info.id);
    const image = black ? null : await readModelImage(ctx.positionals[0], model.info.inputSize, fit);
    const bar = progressBar('fool');
    const started = performance.now();
    const report = await fool(model, image, {
      target,
      learningRate,
      maxSteps,
      until8bit,
      onStep: (s) => bar.update(s.step, maxSteps, `p(target) ${(s.targetProbability * 100).toFixed(1)}%`),
    });
    bar.done();
    const timingMs = { fool: milliseconds(started) };
    const original = image ?? { width: report.adversarial.width, height: report.adversarial.height, data: new Uint8Array(report.adversarial.data.length) };
    return {
      image: black ? 'black' : ctx.positionals[0],
      model: model.info.id,
      learningRate,
      maxSteps,
      ...(await writeAttackOutputs(ctx, report, out)),
      ...(await transferOutputs(ctx, others, original, report)),
      timingMs,
    };
  },
};

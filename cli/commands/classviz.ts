import { classVisualization } from '../../core/classviz/class-visualization.ts';
import { PRESETS } from '../../core/classviz/presets.ts';
import { GradlensError } from '../../core/errors.ts';
import { COMMON_OPTIONS, classOption, fitOption, numberOption, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { milliseconds } from '../format.ts';
import { outputKind, readModelImage, writePng } from '../image-files.ts';
import { progressBar } from '../progress-bar.ts';

export const classvizCommand: Command = {
  name: 'classviz',
  summary: 'class visualization by gradient ascent from noise, black or an image',
  usage:
    'gradlens classviz --class CLASS [--preset cs231n|normalized] [--iterations N] [--lr X] [--l2 X] [--tv X]\n' +
    '         [--blur-every N] [--blur-sigma S] [--jitter PX] [--seed S] [--init noise|black|IMAGE] --out FILE.png [--json]',
  options: {
    ...COMMON_OPTIONS,
    class: { type: 'string' },
    preset: { type: 'string', default: 'cs231n' },
    iterations: { type: 'string' },
    lr: { type: 'string' },
    l2: { type: 'string' },
    tv: { type: 'string' },
    'blur-every': { type: 'string' },
    'blur-sigma': { type: 'string' },
    jitter: { type: 'string' },
    seed: { type: 'string' },
    init: { type: 'string', default: 'noise' },
    out: { type: 'string' },
  },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new GradlensError('options/invalid', `Unexpected argument "${ctx.positionals[0]}".`);
    const target = classOption(ctx.values, 'class');
    if (target === undefined) throw new GradlensError('options/invalid', '--class is required.');
    const preset = ctx.values.preset as keyof typeof PRESETS;
    if (!Object.hasOwn(PRESETS, preset)) throw new GradlensError('options/invalid', `--preset must be one of ${Object.keys(PRESETS).join(', ')}.`);
    const out = requireString(ctx.values, 'out');
    outputKind(out, ['png']);
    const settings = {
      iterations: numberOption(ctx.values, 'iterations', undefined, { min: 0, max: 100_000, integer: true }),
      learningRate: numberOption(ctx.values, 'lr', undefined, { min: 1e-9 }),
      l2: numberOption(ctx.values, 'l2', undefined, { min: 0 }),
      totalVariation: numberOption(ctx.values, 'tv', undefined, { min: 0 }),
      blurEvery: numberOption(ctx.values, 'blur-every', undefined, { min: 0, integer: true }),
      blurSigma: numberOption(ctx.values, 'blur-sigma', undefined, { min: 0 }),
      jitter: numberOption(ctx.values, 'jitter', undefined, { min: 0, max: 200, integer: true }),
    };
    const seed = numberOption(ctx.values, 'seed', 0, { min: 0, max: 2 ** 32 - 1, integer: true });
    const fit = fitOption(ctx.values);
    const model = await ctx.model();
    const initArg = ctx.values.init as string;
    const init = initArg === 'noise' || initArg === 'black' ? initArg : await readModelImage(initArg, model.info.inputSize, fit);
    const bar = progressBar('classviz');
    const started = performance.now();
    const result = await classVisualization(model, {
      target,
      preset,
      seed,
      init,
      frameEvery: 0,
      ...Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)),
      onStep: (s) => bar.update(s.step, s.total, `p ${(s.probability * 100).toFixed(1)}%`),
    });
    bar.done();
    const timingMs = { classviz: milliseconds(started) };
    await writePng(out, result.image);
    ctx.say(`${result.class.index} ${result.class.name}: p = ${(result.probability * 100).toFixed(2)}% after ${result.steps} iterations → ${out}`);
    return { model: model.info.id, class: result.class, probability: result.probability, steps: result.steps, settings: result.settings, seed, init: typeof init === 'string' ? init : initArg, file: out, timingMs };
  },
};

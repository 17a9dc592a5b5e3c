import { classVisualization } from '../../core/classviz/class-visualization.ts';
import { PRESETS, TUNABLE_SETTINGS as SETTINGS, type PresetName } from '../../core/classviz/presets.ts';
import { DEFAULTS } from '../../core/defaults.ts';
import { GradlensError } from '../../core/errors.ts';
import { COMMON_OPTIONS, choiceFlag, classFlag, fitFlag, flagValue, numberFlag, parameterFlags, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { milliseconds } from '../format.ts';
import { outputKind, readModelImage, writePng } from '../image-files.ts';
import { progressBar } from '../progress-bar.ts';

export const classvizCommand: Command = {
  name: 'classviz',
  summary: 'class visualization by gradient ascent from noise, black or an image',
  usage:
    'gradlens classviz --class CLASS [--preset cs231n|normalized] [--iterations N] [--learning-rate X] [--l2 X] [--total-variation X]\n' +
    `         [--blur-every N] [--blur-sigma S] [--jitter PX] [--seed S (${DEFAULTS.classviz.seed})] [--init noise|black|IMAGE] --out FILE.png [--json]\n` +
    '  Unset settings come from the preset (cs231n by default).',
  options: {
    ...COMMON_OPTIONS,
    ...parameterFlags('class', 'preset', 'seed', 'init', ...SETTINGS),
    out: { type: 'string' },
  },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new GradlensError('options/invalid', `Unexpected argument "${ctx.positionals[0]}".`);
    const target = classFlag(ctx.values, 'class');
    if (target === undefined) throw new GradlensError('options/invalid', '--class is required.');
    const preset = choiceFlag(ctx.values, 'preset', Object.keys(PRESETS) as PresetName[], DEFAULTS.classviz.preset);
    const out = requireString(ctx.values, 'out');
    outputKind(out, ['png']);
    const settings = Object.fromEntries(SETTINGS.map((name) => [name, numberFlag(ctx.values, 'classviz', name)]).filter(([, v]) => v !== undefined));
    const seed = numberFlag(ctx.values, 'classviz', 'seed') ?? DEFAULTS.classviz.seed;
    const fit = fitFlag(ctx.values);
    const model = await ctx.model();
    const initArg = String(flagValue(ctx.values, 'init') ?? DEFAULTS.classviz.init);
    const init = initArg === 'noise' || initArg === 'black' ? initArg : await readModelImage(initArg, model.info.inputSize, fit);
    const bar = progressBar('classviz');
    const started = performance.now();
    const result = await classVisualization(model, {
      class: target,
      preset,
      seed,
      init,
      frameEvery: 0,
      ...settings,
      onStep: (s) => bar.update(s.step, s.total, `p ${(s.probability * 100).toFixed(1)}%`),
    });
    bar.done();
    const timingMs = { classviz: milliseconds(started) };
    await writePng(out, result.image);
    ctx.say(`${result.class.index} ${result.class.name}: p = ${(result.probability * 100).toFixed(2)}% after ${result.steps} iterations → ${out}`);
    return { model: model.info.id, class: result.class, probability: result.probability, steps: result.steps, settings: result.settings, seed, init: typeof init === 'string' ? init : initArg, file: out, timingMs };
  },
};

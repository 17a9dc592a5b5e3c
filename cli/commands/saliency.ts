import { localize } from '../../core/render/localization.ts';
import { heatmap, overlay } from '../../core/render/index.ts';
import { saliencyMaps, type SaliencyMethod } from '../../core/saliency/saliency-maps.ts';
import { DEFAULTS, SALIENCY_METHODS } from '../../core/defaults.ts';
import { GradlensError } from '../../core/errors.ts';
import { COMMON_OPTIONS, choiceFlag, classFlag, fitFlag, flagValue, numberFlag, onePositional, parameterFlags, requireString, type Values } from '../args.ts';
import type { ImageCommand, ImageJob } from '../command.ts';
import { milliseconds, predictionLines } from '../format.ts';
import { numberedPath, outputKind, readModelImage, writeNpy, writePng } from '../image-files.ts';

const METHODS: readonly SaliencyMethod[] = SALIENCY_METHODS;
const RENDERS = ['heatmap', 'overlay'] as const;
const d = DEFAULTS.saliency;

export const saliencyCommand: ImageCommand = {
  name: 'saliency',
  summary: 'saliency map(s) of a class, the top class or the top-k classes',
  usage:
    'gradlens saliency IMAGE [--class top|INDEX|NAME] [--top-k K] [--method vanilla|smoothgrad|integrated-gradients]\n' +
    `         [--samples N (${d.samples})] [--noise S (${d.noise})] [--seed S (${d.seed})] [--steps N (${d.steps})] [--render heatmap|overlay] --out FILE.png|FILE.npy [--json]\n` +
    '  .npy = the raw float32 H×W map at model resolution; with --top-k K, files are numbered FILE-1 … FILE-K.',
  options: {
    ...COMMON_OPTIONS,
    ...parameterFlags('class', 'topK', 'method', 'samples', 'noise', 'seed', 'steps'),
    render: { type: 'string', default: 'heatmap' },
    out: { type: 'string' },
  },
  job: saliencyJob,
  async run(ctx) {
    const file = onePositional(ctx.positionals, 'IMAGE');
    const out = requireString(ctx.values, 'out');
    return saliencyJob(ctx.values)(ctx, file, out);
  },
};

function saliencyJob(values: Values): ImageJob {
  const method = choiceFlag(values, 'method', METHODS, d.method);
  const render = values.render as (typeof RENDERS)[number];
  if (!RENDERS.includes(render)) throw new GradlensError('options/invalid', `--render must be heatmap or overlay.`);
  // Options that would have no effect are refused rather than silently dropped.
  const given = (name: string) => flagValue(values, name) !== undefined;
  if (given('class') && given('topK')) throw new GradlensError('options/invalid', 'Give either --class or --top-k, not both.');
  for (const name of ['samples', 'noise', 'seed']) {
    if (given(name) && method !== 'smoothgrad') throw new GradlensError('options/invalid', `--${name} only applies to --method smoothgrad.`);
  }
  if (given('steps') && method !== 'integrated-gradients') throw new GradlensError('options/invalid', '--steps only applies to --method integrated-gradients.');
  const options = {
    class: classFlag(values, 'class'),
    topK: numberFlag(values, 'saliency', 'topK'),
    method,
    samples: numberFlag(values, 'saliency', 'samples'),
    noise: numberFlag(values, 'saliency', 'noise'),
    seed: numberFlag(values, 'saliency', 'seed'),
    steps: numberFlag(values, 'saliency', 'steps'),
  };
  const fit = fitFlag(values);
  return async (ctx, file, out) => {
    const kind = outputKind(out, ['png', 'npy']);
    if (kind === 'npy' && render === 'overlay') throw new GradlensError('options/invalid', '--render overlay needs --out FILE.png; a .npy file holds the raw map.');
    const model = await ctx.model();
    const image = await readModelImage(file, model.info.inputSize, fit);
    const started = performance.now();
    const { predictions, maps } = await saliencyMaps(model, image, options);
    const timingMs = { saliency: milliseconds(started) };
    const outputs: string[] = [];
    for (const [i, map] of maps.entries()) {
      const target = numberedPath(out, i, maps.length);
      if (kind === 'npy') await writeNpy(target, map.data, [map.height, map.width]);
      else await writePng(target, render === 'overlay' ? overlay(image, map) : heatmap(map));
      outputs.push(target);
    }
    for (const line of predictionLines(predictions)) ctx.say(line);
    maps.forEach((m, i) => ctx.say(`map for ${m.class.index} ${m.class.name} → ${outputs[i]}`));
    const summaries = maps.map((m, i) => ({ class: m.class, file: outputs[i], max: m.data.reduce((a, b) => Math.max(a, b), 0), box: localize(m).box }));
    return { image: file, model: model.info.id, method, predictions, maps: summaries, timingMs };
  };
}

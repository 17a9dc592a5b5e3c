import { DEFAULTS } from '../../core/defaults.ts';
import { predict } from '../../core/predict/predict.ts';
import { COMMON_OPTIONS, fitFlag, numberFlag, onePositional, parameterFlags, type Values } from '../args.ts';
import type { ImageCommand, ImageJob } from '../command.ts';
import { milliseconds, predictionLines } from '../format.ts';
import { readModelImage } from '../image-files.ts';

export const predictCommand: ImageCommand = {
  name: 'predict',
  summary: 'top-k classes of an image',
  usage: `gradlens predict IMAGE [--model ID] [--top-k K (${DEFAULTS.predict.topK})] [--fit squash|center-crop] [--json]`,
  options: { ...COMMON_OPTIONS, ...parameterFlags('topK') },
  job: predictJob,
  async run(ctx) {
    const file = onePositional(ctx.positionals, 'IMAGE');
    return predictJob(ctx.values)(ctx, file, '');
  },
};

function predictJob(values: Values): ImageJob {
  const topK = numberFlag(values, 'predict', 'topK') ?? DEFAULTS.predict.topK;
  const fit = fitFlag(values);
  return async (ctx, file) => {
    const model = await ctx.model();
    const image = await readModelImage(file, model.info.inputSize, fit);
    const started = performance.now();
    const predictions = await predict(model, image, topK);
    const timingMs = { predict: milliseconds(started) };
    for (const line of predictionLines(predictions)) ctx.say(line);
    return { image: file, model: model.info.id, predictions, timingMs };
  };
}

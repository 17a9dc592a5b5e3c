import { predict } from '../../core/predict/predict.ts';
import { COMMON_OPTIONS, fitOption, numberOption, onePositional } from '../args.ts';
import type { Command } from '../command.ts';
import { milliseconds, predictionLines } from '../format.ts';
import { readModelImage } from '../image-files.ts';

export const predictCommand: Command = {
  name: 'predict',
  summary: 'top-k classes of an image',
  usage: 'gradlens predict IMAGE [--model ID] [--top K] [--fit squash|center-crop] [--json]',
  options: { ...COMMON_OPTIONS, top: { type: 'string' } },
  async run(ctx) {
    const file = onePositional(ctx.positionals, 'IMAGE');
    const top = numberOption(ctx.values, 'top', 5, { min: 1, max: 1000, integer: true })!;
    const model = await ctx.model();
    const image = await readModelImage(file, model.info.inputSize, fitOption(ctx.values));
    const started = performance.now();
    const predictions = await predict(model, image, top);
    const timingMs = { predict: milliseconds(started) };
    for (const line of predictionLines(predictions)) ctx.say(line);
    return { image: file, model: model.info.id, predictions, timingMs };
  },
};

import { compareColumn } from '../../../core/compare/compare-column.ts';
import type { ModelsContext } from './models-context.ts';
import type { CompareColumn, Jobs } from './protocol.ts';

/**
 * One image through each model, as the source report's figure of maps side by side: the model's top-5
 * predictions and the vanilla saliency map of its own top class, both from one pass of the core.
 */
export async function compareModels(input: Jobs['compare']['input'], context: ModelsContext): Promise<CompareColumn[]> {
  const columns: CompareColumn[] = [];
  for (const run of input.runs) {
    const model = await context.modelFor(run);
    context.progress({ modelId: run.modelId, phase: 'computing' });
    const { model: info, predictions, map } = await compareColumn(model, run.image);
    columns.push({ modelId: info.id, modelName: info.name, inputSize: info.inputSize, predictions, map });
  }
  return columns;
}

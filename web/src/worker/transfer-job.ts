import type { Classifier } from '../../../core/model.ts';
import { transferTo } from '../../../core/adversarial/transfer.ts';
import type { ModelsContext } from './models-context.ts';
import type { TransferInput, TransferOutput } from './protocol.ts';

/**
 * Does the attack fool the other models? The core's `transferTo` (as the CLI's `--transfer`) on each
 * candidate; a large one the engine does not hold yet is left out rather than downloaded unasked.
 */
export async function transferJob(input: TransferInput, context: ModelsContext): Promise<TransferOutput> {
  const models: Classifier[] = [];
  const skipped: TransferOutput['skipped'] = [];
  for (const candidate of input.models) {
    const held = context.heldDtype(candidate.modelId);
    if (candidate.large && !held) {
      skipped.push({ modelId: candidate.modelId, reason: 'not loaded: a large download, made only when you choose the model in the picker' });
      continue;
    }
    models.push(await context.modelFor({ ...candidate, dtype: held ?? candidate.dtype }));
  }
  const results = await transferTo(models, input.original, input.adversarial, input.target);
  return { results: results.map((result, i) => ({ ...result, modelName: models[i].info.name })), skipped };
}

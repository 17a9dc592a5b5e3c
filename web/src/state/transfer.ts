/**
 * "Check the other models": after an attack, the adversarial image as saved (8-bit) goes through each
 * other model the server prepared; a large one (VGG16) only when the engine holds it already.
 */
import type { RgbImage } from '../../../core/types.ts';
import type { AttackReport, TransferCandidate } from '../worker/protocol.ts';
import { asksFirst } from '../lib/model-options.ts';
import { appStore, patch } from './app.ts';
import { runJob } from './engine.ts';
import { toUserMessage } from './messages.ts';

export async function runTransfer(report: AttackReport, original: RgbImage): Promise<void> {
  const { model } = appStore.get();
  const others = (model.options ?? []).filter((o) => o.id !== model.id);
  const models: TransferCandidate[] = others.filter((o) => !o.unavailable).map((o) => ({ modelId: o.id, dtype: 'float32', large: asksFirst(o) }));
  const unavailable = others.filter((o) => o.unavailable).map((o) => ({ modelId: o.id, reason: o.unavailable! }));
  patch('adversarial', { transferRunning: true, transferResult: null });
  try {
    const output = models.length ? await runJob('transfer', { original, adversarial: report.adversarial, target: report.target, models }) : { results: [], skipped: [] };
    patch('adversarial', { transferRunning: false, transferResult: { ...output, skipped: [...output.skipped, ...unavailable] } });
  } catch (error) {
    patch('adversarial', { transferRunning: false, error: toUserMessage(error) });
  }
}

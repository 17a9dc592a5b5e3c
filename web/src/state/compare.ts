/** The compare view: one image through two or three models, each fitted to its own input size. */
import { fitInput } from '../image/decode.ts';
import type { CompareRun } from '../worker/protocol.ts';
import { inputSizeOf } from './active-model.ts';
import { appStore, patch } from './app.ts';
import { runJob } from './engine.ts';
import { toUserMessage } from './messages.ts';

export async function runCompare(): Promise<void> {
  const state = appStore.get();
  const { input, compare } = state;
  if (!input || compare.running || compare.models.length < 2) return;
  patch('compare', { running: true, progress: null, columns: null, error: null });
  try {
    const runs: CompareRun[] = [];
    for (const m of compare.models) runs.push({ ...m, image: await fitInput(input.source, input.fit, inputSizeOf(state, m.modelId)) });
    const columns = await runJob('compare', { runs }, (progress) => patch('compare', { progress }));
    // A newer image arrived meanwhile: its columns are computed by the next run, not shown stale.
    if (appStore.get().input?.source !== input.source) return patch('compare', { running: false, progress: null });
    patch('compare', { running: false, progress: null, columns: columns.map((column, i) => ({ ...column, image: runs[i].image })) });
  } catch (error) {
    patch('compare', { running: false, progress: null, error: toUserMessage(error) });
  }
}

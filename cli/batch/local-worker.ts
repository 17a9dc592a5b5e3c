/**
 * The body of one worker thread of a local batch: its own TF.js WASM backend and model, loaded once,
 * then one image at a time as the main thread hands them out (see local-pool.ts for the messages).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Classifier } from '../../core/model.ts';
import { modelFlag } from '../args.ts';
import type { CommandContext } from '../command.ts';
import { loadNodeModel } from '../node-model.ts';
import { imageCommand } from './image-commands.ts';
import { runLocalImage, type BatchTask } from './local-image.ts';
import type { WorkerSetup } from './local-pool.ts';

const { command: name, values, outDir } = workerData as WorkerSetup;
const port = parentPort!;
const command = imageCommand(name)!;
let model: Promise<Classifier> | null = null;
const ctx: CommandContext = { values, positionals: [], model: () => (model ??= loadNodeModel(modelFlag(values))), say: () => {}, status: 0 };

try {
  const job = command.job(values);
  await ctx.model();
  port.on('message', async (task: BatchTask) => port.postMessage({ kind: 'done', line: await runLocalImage(job, ctx, command.name, task, outDir) }));
  port.postMessage({ kind: 'ready' });
} catch (error) {
  const { message, code, hint } = error as { message?: string; code?: string; hint?: string };
  port.postMessage({ kind: 'fatal', error: { message: message ?? String(error), code, hint } });
}

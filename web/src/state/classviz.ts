/** Class visualization studio: one run with live preview, pause/resume/cancel, and sweeps over two parameters. */
import type { Job } from '../worker/client.ts';
import type { ClassVizOptions } from '../worker/protocol.ts';
import { appStore, patch, type ClassVizSettings, type SweepCell, type SweepParam } from './app.ts';
import { runJob } from './engine.ts';
import { isAborted, toUserMessage } from './messages.ts';

let current: Job<'classviz'> | null = null;
let sweepCancelled = false;
/** Time spent paused is not running time: it/s counts only the rest. */
let pausedSince: number | null = null;
let pausedMs = 0;

export function vizOptions(settings: ClassVizSettings, override: Partial<Record<SweepParam, number>> = {}): ClassVizOptions {
  const { init, ...rest } = settings;
  const upload = appStore.get().input?.image;
  return { ...rest, ...override, init: init === 'upload' ? (upload ?? 'noise') : init };
}

export async function runClassViz(): Promise<void> {
  const { classviz } = appStore.get();
  if (classviz.status === 'running' || classviz.status === 'paused') return;
  const started = performance.now();
  pausedSince = null;
  pausedMs = 0;
  patch('classviz', { status: 'running', step: 0, total: classviz.settings.iterations, iterationsPerSecond: 0, probability: null, result: null, error: null, preview: null });
  try {
    const result = await runJob(
      'classviz',
      vizOptions(classviz.settings),
      (step) => {
        const seconds = (performance.now() - started - pausedMs) / 1000;
        patch('classviz', {
          step: step.step,
          total: step.total,
          iterationsPerSecond: seconds > 0 ? step.step / seconds : 0,
          ...(step.image ? { preview: step.image } : {}),
          ...(step.probability !== undefined ? { probability: step.probability } : {}),
        });
      },
      (job) => (current = job),
    );
    patch('classviz', { status: 'done', result, preview: result.image, probability: result.probability, step: result.steps });
  } catch (error) {
    patch('classviz', isAborted(error) ? { status: 'cancelled' } : { status: 'error', error: toUserMessage(error) });
  } finally {
    current = null;
  }
}

/** Paused once the worker has parked the run: the step shown then is the last one until Resume. */
export async function pauseClassViz(): Promise<void> {
  const job = current;
  if (!job || appStore.get().classviz.status !== 'running') return;
  pausedSince = performance.now();
  await job.pause();
  if (job === current && appStore.get().classviz.status === 'running') patch('classviz', { status: 'paused' });
}

export function resumeClassViz(): void {
  if (!current || appStore.get().classviz.status !== 'paused') return;
  current.resume();
  if (pausedSince !== null) pausedMs += performance.now() - pausedSince;
  pausedSince = null;
  patch('classviz', { status: 'running' });
}

export function cancelClassViz(): void {
  sweepCancelled = true;
  current?.cancel();
}

/** Cells in row-major order: the grid fills as each run finishes. */
export function sweepCells(rows: number, cols: number): SweepCell[] {
  const cells: SweepCell[] = [];
  for (let row = 0; row < rows; row++) for (let col = 0; col < cols; col++) cells.push({ row, col, status: 'waiting' });
  return cells;
}

export async function runSweep(): Promise<void> {
  const { classviz } = appStore.get();
  const { rowParam, colParam, rows, cols } = classviz.sweep;
  if (classviz.sweep.running || rows.length === 0 || cols.length === 0) return;
  sweepCancelled = false;
  let cells = sweepCells(rows.length, cols.length);
  const setCell = (index: number, cell: Partial<SweepCell>) => {
    cells = cells.map((c, i) => (i === index ? { ...c, ...cell } : c));
    patch('classviz', { sweep: { ...appStore.get().classviz.sweep, cells } });
  };
  patch('classviz', { error: null, sweep: { ...classviz.sweep, cells, running: true } });
  for (let i = 0; i < cells.length && !sweepCancelled; i++) {
    const { row, col } = cells[i];
    setCell(i, { status: 'running' });
    try {
      const options = vizOptions(appStore.get().classviz.settings, { [rowParam]: rows[row], [colParam]: cols[col] });
      const result = await runJob('classviz', options, undefined, (job) => (current = job));
      setCell(i, { status: 'done', result });
    } catch (error) {
      setCell(i, { status: isAborted(error) ? 'waiting' : 'error' });
      if (!isAborted(error)) patch('classviz', { error: toUserMessage(error) });
    } finally {
      current = null;
    }
  }
  patch('classviz', { sweep: { ...appStore.get().classviz.sweep, running: false } });
}

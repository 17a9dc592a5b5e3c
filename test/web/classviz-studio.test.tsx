/**
 * The studio's state machine and controls against a scripted engine: pause/resume/cancel reach the
 * running job and leave readable states, a sweep runs each cell with its own overrides in order,
 * and the total-variation field reaches the options sent to the worker.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClassVizOptions, ClassVizResult, ClassVizStep } from '../../web/src/worker/protocol.ts';

/** One scripted job: the test emits steps and decides how it ends; control calls are recorded. */
interface ScriptedJob {
  options: ClassVizOptions;
  onProgress?: (step: ClassVizStep) => void;
  calls: string[];
  /** The worker's word that the job is parked. */
  park(): void;
  finish(result: ClassVizResult): void;
  fail(error: unknown): void;
}

const jobs: ScriptedJob[] = [];

vi.mock('../../web/src/state/engine.ts', () => ({
  ensureEngine: () => Promise.resolve({ backend: 'wasm', probes: [], modelId: 'squeezenet1_1', skipped: [] }),
  runJob: (_type: string, options: ClassVizOptions, onProgress?: (s: ClassVizStep) => void, onStart?: (job: unknown) => void) =>
    new Promise((resolve, reject) => {
      let parked = () => {};
      const job: ScriptedJob = { options, onProgress, calls: [], park: () => parked(), finish: resolve, fail: reject };
      jobs.push(job);
      onStart?.({
        id: jobs.length,
        result: Promise.resolve(),
        pause: () => {
          job.calls.push('pause');
          return new Promise<void>((resolve) => (parked = resolve));
        },
        resume: () => job.calls.push('resume'),
        cancel: () => {
          job.calls.push('cancel');
          reject(Object.assign(new Error('Cancelled.'), { code: 'aborted' }));
        },
      });
    }),
}));

const { appStore, initialState } = await import('../../web/src/state/app.ts');
const studio = await import('../../web/src/state/classviz.ts');
const { ClassVizPage } = await import('../../web/src/pages/ClassVizPage.tsx');

const image = (value: number) => ({ width: 2, height: 2, data: new Uint8Array(12).fill(value) });
const result = (value: number, probability = 0.5) =>
  ({ class: { index: 76, name: 'tarantula' }, image: image(value), probability, steps: 3, settings: {} }) as unknown as ClassVizResult;
const flush = () => new Promise((r) => setTimeout(r, 0));

let root: HTMLElement;

beforeEach(() => {
  jobs.length = 0;
  appStore.set(initialState({ name: 'classviz' }));
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('class visualization state', () => {
  it('pauses, resumes and cancels the running job, keeping the step it reached', async () => {
    const run = studio.runClassViz();
    await flush();
    expect(appStore.get().classviz.status).toBe('running');
    jobs[0].onProgress!({ step: 4, total: 100, probability: 0.1, image: image(9) });
    expect(appStore.get().classviz.step).toBe(4);

    const pausing = studio.pauseClassViz();
    expect(jobs[0].calls).toEqual(['pause']);
    // Until the worker has parked the job, a step under way may still land: not paused yet.
    expect(appStore.get().classviz.status).toBe('running');
    jobs[0].onProgress!({ step: 5, total: 100 });
    jobs[0].park();
    await pausing;
    expect(appStore.get().classviz.status).toBe('paused');
    expect(appStore.get().classviz.step).toBe(5);
    await studio.pauseClassViz(); // already paused: nothing more is sent
    expect(jobs[0].calls).toEqual(['pause']);

    studio.resumeClassViz();
    expect(appStore.get().classviz.status).toBe('running');
    jobs[0].onProgress!({ step: 6, total: 100 });

    studio.cancelClassViz();
    await run;
    const state = appStore.get().classviz;
    expect(jobs[0].calls).toEqual(['pause', 'resume', 'cancel']);
    expect(state.status).toBe('cancelled');
    expect(state.step).toBe(6);
    expect(state.error).toBeNull();
    expect(state.preview?.data[0]).toBe(9);
  });

  it('sends the total-variation weight with the other settings', async () => {
    appStore.set({ classviz: { ...appStore.get().classviz, settings: { ...appStore.get().classviz.settings, totalVariation: 0.25 } } });
    expect(studio.vizOptions(appStore.get().classviz.settings).totalVariation).toBe(0.25);
    expect(studio.vizOptions(appStore.get().classviz.settings, { totalVariation: 2 }).totalVariation).toBe(2);
  });

  it('runs a 2×2 sweep cell by cell with each cell’s own parameters', async () => {
    const { classviz } = appStore.get();
    appStore.set({ classviz: { ...classviz, sweep: { ...classviz.sweep, rowParam: 'l2', colParam: 'totalVariation', rows: [0.1, 0.2], cols: [1, 2] } } });
    const sweep = studio.runSweep();
    for (let i = 0; i < 4; i++) {
      await flush();
      expect(jobs).toHaveLength(i + 1);
      const cells = appStore.get().classviz.sweep.cells;
      expect(cells.map((c) => c.status)).toEqual(['done', 'done', 'done', 'done'].map((s, k) => (k < i ? s : k === i ? 'running' : 'waiting')));
      jobs[i].finish(result(i * 40));
    }
    await sweep;
    expect(jobs.map((j) => [j.options.l2, j.options.totalVariation])).toEqual([[0.1, 1], [0.1, 2], [0.2, 1], [0.2, 2]]);
    const { cells, running } = appStore.get().classviz.sweep;
    expect(running).toBe(false);
    expect(cells.map((c) => c.result?.image.data[0])).toEqual([0, 40, 80, 120]);
  });
});

describe('ClassVizPage', () => {
  it('labels the total-variation field and stores what is typed', async () => {
    await act(() => render(<ClassVizPage />, root));
    const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Total variation weight'))!;
    const input = label.querySelector('input')!;
    expect(input.getAttribute('type')).toBe('number');
    expect(input.getAttribute('min')).toBe('0');
    await act(() => {
      input.value = '0.3';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(appStore.get().classviz.settings.totalVariation).toBe(0.3);
  });

  it('shows the empty sweep grid before running, with labelled value fields', async () => {
    await act(() => render(<ClassVizPage />, root));
    const rows = root.querySelector('[data-testid=sweep-rows]') as HTMLInputElement;
    expect(rows.closest('label')!.textContent).toContain('Row values');
    expect(root.querySelector('[data-testid=sweep-cols]')!.closest('label')!.textContent).toContain('Column values');
    await act(() => {
      rows.value = '1, 2';
      rows.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const cols = root.querySelector('[data-testid=sweep-cols]') as HTMLInputElement;
    await act(() => {
      cols.value = '5, 6';
      cols.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const cells = root.querySelectorAll('[data-testid=sweep-cell]');
    expect(cells).toHaveLength(4);
    expect([...cells].every((c) => c.getAttribute('data-status') === 'waiting')).toBe(true);
    expect(root.querySelector('[data-testid=sweep-status]')!.textContent).toBe('4 runs with the settings above.');
    await act(() => {
      cols.value = '5, x';
      cols.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(cols.getAttribute('aria-invalid')).toBe('true');
    expect((root.querySelector('[data-testid=run-sweep]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says where a cancelled run stopped and hands focus back to Run', async () => {
    await act(() => render(<ClassVizPage />, root));
    const run = root.querySelector('[data-testid=run-viz]') as HTMLButtonElement;
    const cancel = root.querySelector('[data-testid=cancel-viz]') as HTMLButtonElement;
    let running!: Promise<void>;
    await act(async () => {
      running = studio.runClassViz();
      await flush();
    });
    expect(root.querySelector('[data-testid=viz-status]')!.getAttribute('data-status')).toBe('running');
    cancel.focus();
    await act(async () => {
      jobs[0].onProgress!({ step: 7, total: 100, image: image(3) });
      studio.cancelClassViz();
      await running;
    });
    expect(root.querySelector('[data-testid=viz-status]')!.textContent).toBe('Cancelled at step 7 of 100; the preview shows the last frame.');
    expect(run.disabled).toBe(false);
    expect(cancel.disabled).toBe(true);
    expect(document.activeElement).toBe(run);
  });
});

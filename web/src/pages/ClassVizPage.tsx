import { useEffect, useRef } from 'preact/hooks';
import { ClassPicker } from '../components/ClassPicker.tsx';
import { ImageCanvas } from '../components/ImageCanvas.tsx';
import { Message } from '../components/Message.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { SweepGrid } from '../components/SweepGrid.tsx';
import { appStore, patch, presetSettings, type ClassVizSettings, type ClassVizState } from '../state/app.ts';
import { cancelClassViz, pauseClassViz, resumeClassViz, runClassViz } from '../state/classviz.ts';
import { ensureEngine } from '../state/engine.ts';
import { useSelector } from '../state/store.ts';
import { downloadBlob, pngBlob } from '../image/pixels.ts';
import { formatPercent } from '../lib/format.ts';
import { inputBounds } from '../lib/bounds.ts';
import type { LIMITS } from '../../../core/limits.ts';

const setSettings = (update: Partial<ClassVizSettings>) =>
  patch('classviz', { settings: { ...appStore.get().classviz.settings, ...update } });

const NUMBER_FIELDS: { key: keyof ClassVizSettings & keyof typeof LIMITS.classviz; label: string; step: number | 'any' }[] = [
  { key: 'iterations', label: 'Iterations', step: 1 },
  { key: 'learningRate', label: 'Learning rate', step: 'any' },
  { key: 'l2', label: 'L2 weight', step: 'any' },
  { key: 'totalVariation', label: 'Total variation weight', step: 'any' },
  { key: 'blurEvery', label: 'Blur every (steps, 0 = off)', step: 1 },
  { key: 'blurSigma', label: 'Blur σ (px)', step: 0.1 },
  { key: 'jitter', label: 'Jitter (px)', step: 1 },
  { key: 'seed', label: 'Seed', step: 1 },
];

export function ClassVizPage() {
  const v = useSelector(appStore, (s) => s.classviz);
  const hasUpload = useSelector(appStore, (s) => s.input !== null);
  useEffect(() => void ensureEngine().catch(() => undefined), []);
  const active = v.status === 'running' || v.status === 'paused';
  const busy = active || v.sweep.running;
  const runButton = useRef<HTMLButtonElement>(null);
  const pauseButton = useRef<HTMLButtonElement>(null);
  useKeepFocus(v.status, active, runButton, pauseButton);

  return (
    <div class="page two-columns">
      <div class="column">
        <h1>Class visualization</h1>
        <p class="lead">Start from noise and climb the class score: the image the network finds most “{'class-like'}”.</p>
        <form
          class="controls"
          // Out-of-range values reach the core, which words them as the CLI and the API do.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void runClassViz();
          }}
        >
          <ClassPicker id="viz-class" label="Class" value={v.settings.class} onChange={(index) => setSettings({ class: index })} />
          <label>
            Preset
            <select
              value={v.settings.preset}
              onChange={(e) => setSettings(presetSettings(e.currentTarget.value as 'cs231n' | 'normalized'))}
            >
              <option value="cs231n">CS231n (raw gradient step)</option>
              <option value="normalized">L2-normalized step</option>
            </select>
          </label>
          <div class="field-grid">
            {NUMBER_FIELDS.map((f) => (
              <label key={f.key}>
                {f.label}
                <input
                  type="number"
                  {...inputBounds('classviz', f.key)}
                  step={f.step}
                  value={v.settings[f.key] as number}
                  data-testid={`viz-${f.key}`}
                  onChange={(e) => setSettings({ [f.key]: Number(e.currentTarget.value) } as Partial<ClassVizSettings>)}
                />
              </label>
            ))}
          </div>
          <label>
            Start from
            <select value={v.settings.init} onChange={(e) => setSettings({ init: e.currentTarget.value as ClassVizSettings['init'] })}>
              <option value="noise">Random noise</option>
              <option value="black">Black</option>
              <option value="upload" disabled={!hasUpload}>
                The uploaded image{hasUpload ? '' : ' (upload one on another page)'}
              </option>
            </select>
          </label>
          <div class="actions">
            <button type="submit" disabled={busy} data-testid="run-viz" ref={runButton}>
              Run
            </button>
            <button type="button" onClick={v.status === 'paused' ? resumeClassViz : pauseClassViz} disabled={!active} data-testid="pause-viz" ref={pauseButton}>
              {v.status === 'paused' ? 'Resume' : 'Pause'}
            </button>
            <button type="button" onClick={cancelClassViz} disabled={!active} data-testid="cancel-viz">
              Cancel
            </button>
          </div>
        </form>
        <Message message={v.error} />
      </div>
      <div class="column results">
        <ProgressBar
          label={v.status === 'paused' ? 'Paused' : 'Iterations'}
          value={v.total ? v.step / v.total : 0}
          detail={`${v.step} / ${v.total || v.settings.iterations} · ${v.iterationsPerSecond.toFixed(1)} it/s`}
          testId="viz-progress"
        />
        <ImageCanvas image={v.preview} label={v.status === 'done' ? 'Final image' : 'Live preview'} testId="viz-preview" size={320} />
        <p class="status-line" aria-live="polite" data-testid="viz-status" data-status={v.status}>
          {statusText(v)}
        </p>
        <button type="button" disabled={!v.result} onClick={() => v.result && void pngBlob(v.result.image).then((b) => downloadBlob(b, 'class-visualization.png'))}>
          Download PNG
        </button>
        <SweepGrid busy={active} />
      </div>
    </div>
  );
}

function statusText(v: ClassVizState): string {
  const probability = v.probability !== null ? ` · class probability ${formatPercent(v.probability)}` : '';
  if (v.status === 'done') return `Done · final probability ${formatPercent(v.probability ?? NaN)}`;
  if (v.status === 'paused') return `Paused at step ${v.step} of ${v.total}${probability}. Resume to go on.`;
  if (v.status === 'cancelled') return `Cancelled at step ${v.step} of ${v.total}${v.preview ? '; the preview shows the last frame' : ''}.`;
  if (v.status === 'running') return v.probability !== null ? `Class probability ${formatPercent(v.probability)}` : 'Running…';
  return '';
}

/**
 * Buttons that turn disabled drop keyboard focus to the page's start. When the run starts, focus goes
 * from Run to Pause; when it ends, back to Run — only if focus was lost, never stolen from elsewhere.
 */
function useKeepFocus(
  status: ClassVizState['status'],
  active: boolean,
  run: { current: HTMLButtonElement | null },
  pause: { current: HTMLButtonElement | null },
): void {
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === status) return;
    previous.current = status;
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || (focused as HTMLButtonElement).disabled;
    if (lost) (active ? pause : run).current?.focus();
  }, [status, active]);
}

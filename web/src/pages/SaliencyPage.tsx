import { useEffect } from 'preact/hooks';
import { COLORMAP_NAMES, type ColormapName } from '../../../core/render/index.ts';
import { ClassPicker } from '../components/ClassPicker.tsx';
import { ImageInput } from '../components/ImageInput.tsx';
import { MapCard } from '../components/MapCard.tsx';
import { Message } from '../components/Message.tsx';
import { PredictionBars } from '../components/PredictionBars.tsx';
import { ResultDocument } from '../components/ResultDocument.tsx';
import { SharePanel } from '../components/SharePanel.tsx';
import { appStore, patch, type MapView, type SaliencyState } from '../state/app.ts';
import { ensureEngine } from '../state/engine.ts';
import { runSaliency, shareSaliency } from '../state/saliency.ts';
import { useSelector } from '../state/store.ts';
import { activeModelName } from '../state/active-model.ts';
import { inputBounds } from '../lib/bounds.ts';
import { DEFAULTS } from '../../../core/defaults.ts';
import type { SaliencyMethod } from '../worker/protocol.ts';

const set = (update: Partial<SaliencyState>) => patch('saliency', update);

export function SaliencyPage() {
  const s = useSelector(appStore, (state) => state.saliency);
  // The server is stricter than the browser where its CPU budget demands it.
  const bounds = (name: 'samples' | 'steps' | 'topK') => inputBounds('saliency', name, s.where === 'api' ? 'edge' : 'core');
  const input = useSelector(appStore, (state) => state.input);
  const predictions = useSelector(appStore, (state) => state.inputPredictions);
  const modelName = useSelector(appStore, activeModelName);
  useEffect(() => void ensureEngine().catch(() => undefined), []);

  return (
    <div class="page two-columns">
      <div class="column">
        <h1>Saliency maps</h1>
        <p class="lead">Which pixels would change the class score most? The gradient of the score with respect to the image, per pixel.</p>
        <ImageInput />
        <form
          class="controls"
          // Out-of-range values reach the core, which words them as the CLI and the API do.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void runSaliency();
          }}
        >
          <label>
            Method
            <select value={s.method} onChange={(e) => set({ method: e.currentTarget.value as SaliencyMethod })}>
              <option value="vanilla">Vanilla gradient</option>
              <option value="smoothgrad">SmoothGrad</option>
              <option value="integrated-gradients">Integrated Gradients</option>
            </select>
          </label>
          {s.method === 'smoothgrad' ? (
            <label>
              Samples <input type="number" {...bounds('samples')} value={s.samples} onChange={(e) => set({ samples: Number(e.currentTarget.value) })} />
            </label>
          ) : null}
          {s.method === 'integrated-gradients' ? (
            <label>
              Steps <input type="number" {...bounds('steps')} value={s.steps} onChange={(e) => set({ steps: Number(e.currentTarget.value) })} />
            </label>
          ) : null}
          <fieldset>
            <legend>Classes</legend>
            <label>
              <input type="radio" name="target" checked={s.topK === null && s.class === 'top'} onChange={() => set({ topK: null, class: 'top' })} data-testid="class-top" /> The
              predicted class
            </label>
            <label>
              <input type="radio" name="target" checked={s.topK !== null} onChange={() => set({ topK: DEFAULTS.saliency.topK })} data-testid="class-top-k" /> Top
              <input
                type="number"
                aria-label="How many top classes"
                {...bounds('topK')}
                value={s.topK ?? DEFAULTS.saliency.topK}
                onChange={(e) => set({ topK: Number(e.currentTarget.value) })}
              />{' '}
              side by side
            </label>
            <label>
              <input type="radio" name="target" checked={s.topK === null && s.class !== 'top'} onChange={() => set({ topK: null, class: 0 })} data-testid="class-one" /> One
              class (any, even a wrong one)
            </label>
            {s.topK === null && s.class !== 'top' ? <ClassPicker id="saliency-class" label="Class" value={s.class} onChange={(index) => set({ class: index })} /> : null}
          </fieldset>
          <label>
            Compute
            <select value={s.where} onChange={(e) => set({ where: e.currentTarget.value as 'browser' | 'api' })}>
              <option value="browser">In this browser</option>
              <option value="api">On the server (API)</option>
            </select>
          </label>
          <div class="actions">
            <button type="submit" disabled={!input || s.running} data-testid="run-saliency">
              {s.running ? 'Computing…' : 'Compute saliency'}
            </button>
            <SharePanel share={s.share} onShare={() => void shareSaliency()} disabled={!input} />
          </div>
        </form>
        <Message message={s.error} />
      </div>
      <div class="column results" aria-live="polite" aria-busy={s.running}>
        {s.result || predictions ? (
          <PredictionBars predictions={s.result?.predictions ?? predictions!} title={`Predictions · ${modelName}`} />
        ) : (
          <div class="placeholder">{input ? 'Predicting…' : 'Predictions appear here.'}</div>
        )}
        <div class="controls inline">
          <label>
            View
            <select value={s.view} onChange={(e) => set({ view: e.currentTarget.value as MapView })}>
              <option value="overlay">Overlay</option>
              <option value="heatmap">Heatmap</option>
              <option value="mask">Localization mask</option>
            </select>
          </label>
          <label>
            Colormap
            <select value={s.colormap} onChange={(e) => set({ colormap: e.currentTarget.value as ColormapName })}>
              {COLORMAP_NAMES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {s.view === 'overlay' ? (
            <label>
              Opacity <input type="range" min={0} max={1} step={0.05} value={s.opacity} onInput={(e) => set({ opacity: Number(e.currentTarget.value) })} />
            </label>
          ) : null}
          {s.view === 'mask' ? (
            <label>
              Keep top <input type="range" min={0.5} max={0.99} step={0.01} value={s.quantile} onInput={(e) => set({ quantile: Number(e.currentTarget.value) })} />
              {Math.round((1 - s.quantile) * 100)}%
            </label>
          ) : null}
        </div>
        <div class="map-grid">
          {s.result && input
            ? s.result.maps.map((map) => (
                <div key={map.class.index}>
                  <h3>{map.class.name}</h3>
                  <MapCard input={input.image} map={map} settings={s} />
                </div>
              ))
            : null}
        </div>
        {s.apiResult ? <ResultDocument document={s.apiResult} /> : null}
      </div>
    </div>
  );
}

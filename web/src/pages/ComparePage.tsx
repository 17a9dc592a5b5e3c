import { useEffect } from 'preact/hooks';
import { CompareColumnView } from '../components/CompareColumnView.tsx';
import { ImageInput } from '../components/ImageInput.tsx';
import { Message } from '../components/Message.tsx';
import { ModelAsk } from '../components/ModelAsk.tsx';
import { optionLabel } from '../components/ModelPicker.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { COMPARE_MAX_MODELS } from '../lib/compare-query.ts';
import { formatMegabytes } from '../lib/format.ts';
import { appStore } from '../state/app.ts';
import { runCompare } from '../state/compare.ts';
import { ensureEngine } from '../state/engine.ts';
import { addCompareModel, removeCompareModel } from '../state/model-choice.ts';
import { loadModelOptions } from '../state/model-list.ts';
import { useSelector } from '../state/store.ts';

/** One image, two or three models side by side: each one's top-5 and the saliency map of its top class. */
export function ComparePage() {
  const compare = useSelector(appStore, (s) => s.compare);
  const options = useSelector(appStore, (s) => s.model.options);
  const input = useSelector(appStore, (s) => s.input);
  useEffect(() => {
    void ensureEngine().catch(() => undefined);
    void loadModelOptions().catch(() => undefined);
  }, []);
  const chosen = compare.models.map((m) => m.modelId);
  // A link may name a model this server cannot run: it is shown as refused, not computed.
  const refused = options ? compare.models.filter((m) => options.find((o) => o.id === m.modelId)?.unavailable !== null) : [];
  const runnable = compare.models.length - refused.length;
  const progress = compare.progress;
  return (
    <div class="page">
      <h1>Compare models</h1>
      <p class="lead">The same image through each model, with its own input size and preprocessing: what each one predicts, and where its gradient is largest.</p>
      <div class="two-columns">
        <div class="column">
          <ImageInput />
        </div>
        <form
          class="column controls"
          onSubmit={(e) => {
            e.preventDefault();
            void runCompare();
          }}
        >
          <fieldset data-testid="compare-models">
            <legend>Models (2 to {COMPARE_MAX_MODELS})</legend>
            {(options ?? []).map((o) => (
              <label key={o.id} class="checkbox" title={o.unavailable ?? undefined}>
                <input
                  type="checkbox"
                  value={o.id}
                  checked={chosen.includes(o.id)}
                  disabled={o.unavailable !== null || (!chosen.includes(o.id) && chosen.length >= COMPARE_MAX_MODELS)}
                  onChange={(e) => void (e.currentTarget.checked ? addCompareModel(o.id) : removeCompareModel(o.id))}
                />{' '}
                {optionLabel(o)}
                {o.unavailable ? <small>: {o.unavailable}</small> : null}
              </label>
            ))}
          </fieldset>
          <ModelAsk />
          {refused.length > 0 ? (
            <p class="message message-info" role="status">
              Not available here: {refused.map((m) => m.modelId).join(', ')}.
            </p>
          ) : null}
          <div class="actions">
            <button type="submit" disabled={!input || compare.running || runnable < 2 || refused.length > 0} data-testid="run-compare">
              {compare.running ? 'Comparing…' : 'Compare'}
            </button>
          </div>
          {progress ? (
            <ProgressBar
              label={`${progress.phase === 'weights' ? 'Loading' : progress.phase === 'warmup' ? 'Checking' : 'Computing'} ${options?.find((o) => o.id === progress.modelId)?.name ?? progress.modelId}`}
              value={progress.totalBytes ? (progress.loadedBytes ?? 0) / progress.totalBytes : null}
              detail={progress.totalBytes ? `${formatMegabytes(progress.loadedBytes ?? 0)} of ${formatMegabytes(progress.totalBytes)}` : undefined}
            />
          ) : null}
          <Message message={compare.error} />
        </form>
      </div>
      <div class="compare-grid" aria-live="polite" aria-busy={compare.running}>
        {compare.columns?.map((column) => <CompareColumnView key={column.modelId} column={column} />)}
      </div>
    </div>
  );
}

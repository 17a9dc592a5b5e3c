import { formatDuration, formatMegabytes } from '../lib/format.ts';
import { wasmEstimate } from '../lib/model-cost.ts';
import type { ModelOption } from '../lib/model-options.ts';
import { appStore } from '../state/app.ts';
import { cancelModelAsk, confirmModelAsk, setAskDtype } from '../state/model-choice.ts';
import { useSelector } from '../state/store.ts';

/**
 * The confirm step before a large download: both weight variants with their sizes (float16 is half,
 * its scores differ slightly), and on WebAssembly an estimate of how long the model takes here.
 */
export function ModelAsk() {
  const ask = useSelector(appStore, (s) => s.model.ask);
  const options = useSelector(appStore, (s) => s.model.options);
  const info = useSelector(appStore, (s) => s.engine.info);
  const option = ask ? options?.find((o) => o.id === ask.id) : undefined;
  if (!ask || !option) return null;
  const bytes = option.variants[ask.dtype];
  return (
    <div class="model-ask" role="dialog" aria-labelledby="model-ask-title" data-testid="model-ask">
      <p id="model-ask-title">
        <strong>{option.name} is a large download.</strong> Nothing is downloaded until you say so.
      </p>
      <fieldset>
        <legend>Weights</legend>
        <label>
          <input type="radio" name="model-dtype" checked={ask.dtype === 'float32'} onChange={() => setAskDtype('float32')} data-testid="model-ask-float32" /> float32:{' '}
          <span data-testid="model-ask-size-float32">{formatMegabytes(option.variants.float32)}</span> (the reference numbers)
        </label>
        {option.variants.float16 > 0 ? (
          <label>
            <input type="radio" name="model-dtype" checked={ask.dtype === 'float16'} onChange={() => setAskDtype('float16')} data-testid="model-ask-float16" /> float16:{' '}
            <span data-testid="model-ask-size-float16">{formatMegabytes(option.variants.float16)}</span>, half the download; the weights are rounded to 16 bits, so its
            scores differ slightly from float32's
          </label>
        ) : null}
      </fieldset>
      {info?.backend === 'wasm' ? <WasmEstimateNote option={option} /> : null}
      <div class="actions">
        <button type="button" onClick={confirmModelAsk} data-testid="model-ask-download">
          Download {formatMegabytes(bytes)}
        </button>
        <button type="button" onClick={cancelModelAsk} data-testid="model-ask-cancel">
          Cancel
        </button>
      </div>
    </div>
  );
}

function WasmEstimateNote({ option }: { option: ModelOption }) {
  const info = useSelector(appStore, (s) => s.engine.info);
  const options = useSelector(appStore, (s) => s.model.options);
  const current = options?.find((o) => o.id === info?.modelId);
  const measured = info && current ? { architecture: current.architecture, inputSize: info.inputSize, name: info.modelName, warmupMs: info.warmupMs } : null;
  const estimate = wasmEstimate(option, measured);
  return (
    <p class="muted" data-testid="model-ask-estimate">
      On WebAssembly, {option.name} is about {Math.round(estimate.ratio)}× SqueezeNet 1.1's work. Estimate: about {formatDuration(estimate.mapMs)} per saliency map or
      class-visualization step{estimate.warmupMs !== null ? `, about ${formatDuration(estimate.warmupMs)} to start once downloaded` : ''} (from {estimate.basis}; a larger
      model can be slower still, as memory, not arithmetic, limits it).
    </p>
  );
}

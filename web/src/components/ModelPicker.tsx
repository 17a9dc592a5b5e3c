import { useEffect } from 'preact/hooks';
import { formatMegabytes } from '../lib/format.ts';
import type { ModelOption } from '../lib/model-options.ts';
import { activeModelName } from '../state/active-model.ts';
import { appStore } from '../state/app.ts';
import { chooseModel } from '../state/model-choice.ts';
import { loadModelOptions } from '../state/model-list.ts';
import { useSelector } from '../state/store.ts';
import { Message } from './Message.tsx';
import { ModelAsk } from './ModelAsk.tsx';

/** "SqueezeNet 1.0 · 5.0 MB", or that it cannot be chosen (the list below says why). */
export function optionLabel(option: ModelOption): string {
  const name = `${option.name}${option.imported ? ' (imported)' : ''}`;
  if (option.unavailable) return `${name} · not available`;
  return option.variants.float32 > 0 ? `${name} · ${formatMegabytes(option.variants.float32)}` : name;
}

/**
 * The model the page runs on: every built-in (those the server has not prepared disabled, with why)
 * and the imported ones; the choice goes into the link as `model=…`.
 */
export function ModelPicker() {
  const model = useSelector(appStore, (s) => s.model);
  const engine = useSelector(appStore, (s) => s.engine);
  const name = useSelector(appStore, activeModelName);
  useEffect(() => void loadModelOptions().catch(() => undefined), []);
  const options = model.options ?? [];
  const unavailable = options.filter((o) => o.unavailable);
  const loaded = engine.status === 'ready' && engine.info?.modelId === model.id;
  return (
    <div class="model-picker">
      <label>
        Model
        <select value={model.id} data-testid="model-choice" onChange={(e) => void chooseModel(e.currentTarget.value)}>
          {options.length === 0 ? <option value={model.id}>{name}</option> : null}
          {options.map((o) => (
            <option key={o.id} value={o.id} disabled={o.unavailable !== null} title={o.unavailable ?? `${o.inputSize}×${o.inputSize} input`}>
              {optionLabel(o)}
            </option>
          ))}
        </select>
      </label>
      <span class="badge" role="status" data-testid="model-active" data-model={loaded ? model.id : ''}>
        {loaded ? (model.dtype === 'float16' ? 'Loaded (float16)' : 'Loaded') : engine.status === 'starting' ? 'Loading…' : 'Not loaded'}
      </span>
      {unavailable.length > 0 ? (
        <details class="skipped" data-testid="models-unavailable">
          <summary>Why not {unavailable.map((o) => o.name).join(' or ')}?</summary>
          <ul>
            {unavailable.map((o) => (
              <li key={o.id} data-model={o.id}>
                {o.name}: {o.unavailable}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ModelAsk />
      <Message message={model.notice} kind="info" />
    </div>
  );
}

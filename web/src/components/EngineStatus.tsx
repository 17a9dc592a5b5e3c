import { activeModelName } from '../state/active-model.ts';
import { appStore } from '../state/app.ts';
import { chooseBackend } from '../state/engine.ts';
import { useSelector } from '../state/store.ts';
import { formatBytes } from '../lib/format.ts';
import { BACKENDS, backendLabel, type BackendChoice } from '../worker/backends.ts';
import { Message } from './Message.tsx';
import { ProgressBar } from './ProgressBar.tsx';

const PHASES = { backend: 'Starting backend', weights: 'Loading', warmup: 'Checking the backend with' } as const;

/**
 * Which backend computes, why each preferred one is not in use, a switch to force one (with the way
 * back to automatic when a forced one fails), and model loading progress.
 */
export function EngineStatus() {
  const engine = useSelector(appStore, (s) => s.engine);
  const modelName = useSelector(appStore, activeModelName);
  const { progress, info, choice } = engine;
  const forcedFailed = info && choice !== 'auto' && info.backend !== choice ? info.skipped.find((s) => s.name === choice) : undefined;
  const backendNote = progress?.backend ? ` (${backendLabel(progress.backend)})` : '';
  return (
    <div class="engine-status">
      <label>
        Backend
        <select value={choice} data-testid="backend-choice" onChange={(e) => void chooseBackend(e.currentTarget.value as BackendChoice).catch(() => undefined)}>
          <option value="auto">Automatic</option>
          {BACKENDS.map((b) => (
            <option key={b} value={b}>
              {backendLabel(b)}
            </option>
          ))}
        </select>
      </label>
      <span class="badge" role="status" data-testid="backend-active">
        {info ? `Active: ${backendLabel(info.backend)}${info.threads > 1 ? ` · ${info.threads} threads` : ''}` : engine.status === 'starting' ? 'Starting…' : 'Not started'}
      </span>
      {info && info.skipped.length > 0 ? (
        <details class="skipped" data-testid="backend-skipped" title={info.skipped.map((s) => `${backendLabel(s.name)}: ${s.reason}`).join('\n')}>
          <summary>Why not {info.skipped.map((s) => backendLabel(s.name)).join(' or ')}?</summary>
          <ul>
            {info.skipped.map((s) => (
              <li key={s.name} data-backend={s.name}>
                {backendLabel(s.name)}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {forcedFailed ? (
        <div class="message message-error" role="alert" data-testid="forced-failed">
          <strong>
            {backendLabel(forcedFailed.name)} cannot run the model here: {forcedFailed.reason}. Running on {backendLabel(info!.backend)} instead.
          </strong>
          <button type="button" onClick={() => void chooseBackend('auto').catch(() => undefined)}>
            Use automatic choice
          </button>
        </div>
      ) : null}
      {engine.status === 'starting' && progress ? (
        <ProgressBar
          label={`${PHASES[progress.phase]}${progress.phase === 'backend' ? '' : ` ${modelName}`}${backendNote}`}
          value={progress.totalBytes ? (progress.loadedBytes ?? 0) / progress.totalBytes : null}
          detail={progress.totalBytes ? `${formatBytes(progress.loadedBytes ?? 0)} of ${formatBytes(progress.totalBytes)}` : undefined}
        />
      ) : null}
      <Message message={engine.notice} kind="info" />
      <Message message={engine.error} />
    </div>
  );
}

import { appStore } from '../state/app.ts';
import { chooseBackend } from '../state/engine.ts';
import { useSelector } from '../state/store.ts';
import { formatBytes } from '../lib/format.ts';
import { BACKENDS, backendLabel, type BackendChoice } from '../worker/backends.ts';
import { Message } from './Message.tsx';
import { ProgressBar } from './ProgressBar.tsx';

/** Which backend computes, why others were skipped, a switch to force one, and model loading progress. */
export function EngineStatus() {
  const engine = useSelector(appStore, (s) => s.engine);
  const progress = engine.progress;
  const probeNote = engine.info?.probes
    .filter((p) => p.name === 'webgpu' || p.name === 'webgl')
    .map((p) => `${p.name}: ${!p.available ? 'unavailable' : p.software ? 'software only, skipped' : 'hardware'}`)
    .join(' · ');
  return (
    <div class="engine-status">
      <label>
        Backend
        <select
          value={engine.choice}
          data-testid="backend-choice"
          onChange={(e) => void chooseBackend(e.currentTarget.value as BackendChoice).catch(() => undefined)}
        >
          <option value="auto">Automatic</option>
          {BACKENDS.map((b) => (
            <option key={b} value={b}>
              {backendLabel(b)}
            </option>
          ))}
        </select>
      </label>
      <span class="badge" role="status" data-testid="backend-active" title={probeNote}>
        {engine.info ? `Active: ${backendLabel(engine.info.backend)}` : engine.status === 'starting' ? 'Starting…' : 'Not started'}
      </span>
      {engine.status === 'starting' && progress ? (
        <ProgressBar
          label={progress.phase === 'weights' ? 'Loading model' : progress.phase === 'backend' ? 'Starting backend' : 'Warming up'}
          value={progress.totalBytes ? (progress.loadedBytes ?? 0) / progress.totalBytes : null}
          detail={progress.totalBytes ? `${formatBytes(progress.loadedBytes ?? 0)} of ${formatBytes(progress.totalBytes)}` : undefined}
        />
      ) : null}
      <Message message={engine.error} />
    </div>
  );
}

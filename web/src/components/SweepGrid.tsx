import { useEffect, useRef, useState } from 'preact/hooks';
import { appStore, patch, type SweepCell, type SweepParam } from '../state/app.ts';
import { cancelClassViz, runSweep } from '../state/classviz.ts';
import { useSelector } from '../state/store.ts';
import { formatNumber, formatPercent, parseNumberList } from '../lib/format.ts';
import { ImageCanvas } from './ImageCanvas.tsx';

export const SWEEP_PARAMS: Record<SweepParam, string> = {
  l2: 'L2 weight',
  learningRate: 'Learning rate',
  totalVariation: 'Total variation',
  iterations: 'Iterations',
  blurSigma: 'Blur σ',
  jitter: 'Jitter (px)',
};

const STATUS_TEXT: Record<SweepCell['status'], string> = { waiting: 'waiting', running: 'running…', done: 'done', error: 'failed' };

/**
 * A grid of runs over two parameters; cells fill in as each run finishes. Before the first run the
 * grid already shows the axes typed so far, so starting a sweep does not push the page around.
 */
export function SweepGrid({ busy }: { busy: boolean }) {
  const sweep = useSelector(appStore, (s) => s.classviz.sweep);
  const [rowsText, setRowsText] = useState(sweep.rows.join(', '));
  const [colsText, setColsText] = useState(sweep.cols.join(', '));
  const rows = parseNumberList(rowsText);
  const cols = parseNumberList(colsText);
  const sameParam = sweep.rowParam === sweep.colParam;
  const setSweep = (update: Partial<typeof sweep>) => patch('classviz', { sweep: { ...appStore.get().classviz.sweep, ...update } });
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasRunning = useRef(sweep.running);
  useEffect(() => {
    // The button that was pressed turns disabled: hand keyboard focus to the one that now works.
    if (wasRunning.current === sweep.running) return;
    wasRunning.current = sweep.running;
    const focused = document.activeElement as HTMLButtonElement | null;
    if (!focused || focused === document.body || focused.disabled) (sweep.running ? cancelButton : runButton).current?.focus();
  }, [sweep.running]);
  const start = () => {
    if (!rows || !cols) return;
    setSweep({ rows, cols });
    void runSweep();
  };
  const paramSelect = (value: SweepParam, onChange: (p: SweepParam) => void, label: string, testId: string) => (
    <label>
      {label}
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.currentTarget.value as SweepParam)}>
        {Object.entries(SWEEP_PARAMS).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  // The axes of the last sweep while it has cells to show, otherwise the ones being typed.
  const shown = sweep.cells.length > 0 ? { rows: sweep.rows, cols: sweep.cols } : { rows: rows ?? [], cols: cols ?? [] };
  const done = sweep.cells.filter((c) => c.status === 'done').length;
  return (
    <section class="sweep" aria-labelledby="sweep-title">
      <h2 id="sweep-title">Sweep</h2>
      <div class="sweep-controls">
        {paramSelect(sweep.rowParam, (rowParam) => setSweep({ rowParam }), 'Rows', 'sweep-row-param')}
        <label>
          Row values
          <input value={rowsText} onInput={(e) => setRowsText(e.currentTarget.value)} aria-invalid={!rows} data-testid="sweep-rows" />
        </label>
        {paramSelect(sweep.colParam, (colParam) => setSweep({ colParam }), 'Columns', 'sweep-col-param')}
        <label>
          Column values
          <input value={colsText} onInput={(e) => setColsText(e.currentTarget.value)} aria-invalid={!cols} data-testid="sweep-cols" />
        </label>
        <div class="actions">
          <button type="button" onClick={start} disabled={busy || sweep.running || !rows || !cols || sameParam} data-testid="run-sweep" ref={runButton}>
            Run sweep
          </button>
          <button type="button" onClick={cancelClassViz} disabled={!sweep.running} data-testid="cancel-sweep" ref={cancelButton}>
            Cancel sweep
          </button>
        </div>
      </div>
      <p class="muted status-line" aria-live="polite" data-testid="sweep-status">
        {sameParam
          ? 'Choose two different parameters.'
          : !rows || !cols
            ? 'Values are numbers separated by commas.'
            : sweep.cells.length > 0
              ? `${done} of ${sweep.cells.length} runs done${sweep.running ? '…' : '.'}`
              : `${shown.rows.length * shown.cols.length} runs with the settings above.`}
      </p>
      {shown.rows.length > 0 && shown.cols.length > 0 ? (
        <table class="sweep-grid" data-testid="sweep-grid">
          <caption class="visually-hidden">
            Class visualizations for each {SWEEP_PARAMS[sweep.rowParam]} (rows) and {SWEEP_PARAMS[sweep.colParam]} (columns)
          </caption>
          <thead>
            <tr>
              <th scope="col">
                {SWEEP_PARAMS[sweep.rowParam]} \ {SWEEP_PARAMS[sweep.colParam]}
              </th>
              {shown.cols.map((c, col) => (
                <th key={col} scope="col">
                  {formatNumber(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((r, row) => (
              <tr key={row}>
                <th scope="row">{formatNumber(r)}</th>
                {shown.cols.map((c, col) => {
                  const cell = sweep.cells.find((x) => x.row === row && x.col === col);
                  const status = cell?.status ?? 'waiting';
                  const what = `${SWEEP_PARAMS[sweep.rowParam]} ${formatNumber(r)}, ${SWEEP_PARAMS[sweep.colParam]} ${formatNumber(c)}`;
                  return (
                    <td key={col} data-status={status} data-testid="sweep-cell">
                      <ImageCanvas
                        image={cell?.result?.image ?? null}
                        size={112}
                        testId={`sweep-canvas-${row}-${col}`}
                        label={cell?.result ? `${what}: ${formatPercent(cell.result.probability)}` : `${what}: ${STATUS_TEXT[status]}`}
                        caption={cell?.result ? `p = ${formatPercent(cell.result.probability)}` : STATUS_TEXT[status]}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

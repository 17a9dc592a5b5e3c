import { useState } from 'preact/hooks';
import { appStore, patch, type SweepParam } from '../state/app.ts';
import { cancelClassViz, runSweep } from '../state/classviz.ts';
import { useSelector } from '../state/store.ts';
import { formatNumber, formatPercent, parseNumberList } from '../lib/format.ts';
import { ImageCanvas } from './ImageCanvas.tsx';

export const SWEEP_PARAMS: Record<SweepParam, string> = {
  l2: 'L2 weight',
  learningRate: 'Learning rate',
  iterations: 'Iterations',
  blurSigma: 'Blur σ',
  jitter: 'Jitter (px)',
};

/** A grid of runs over two parameters; cells fill in as each run finishes. */
export function SweepGrid({ busy }: { busy: boolean }) {
  const sweep = useSelector(appStore, (s) => s.classviz.sweep);
  const [rowsText, setRowsText] = useState(sweep.rows.join(', '));
  const [colsText, setColsText] = useState(sweep.cols.join(', '));
  const rows = parseNumberList(rowsText);
  const cols = parseNumberList(colsText);
  const setSweep = (update: Partial<typeof sweep>) => patch('classviz', { sweep: { ...appStore.get().classviz.sweep, ...update } });
  const start = () => {
    if (!rows || !cols) return;
    setSweep({ rows, cols });
    void runSweep();
  };
  const paramSelect = (value: SweepParam, onChange: (p: SweepParam) => void, label: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as SweepParam)}>
        {Object.entries(SWEEP_PARAMS).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section class="sweep" aria-label="Sweep">
      <h2>Sweep</h2>
      <div class="controls inline">
        {paramSelect(sweep.rowParam, (rowParam) => setSweep({ rowParam }), 'Rows')}
        <label>
          values <input value={rowsText} onInput={(e) => setRowsText(e.currentTarget.value)} aria-invalid={!rows} />
        </label>
        {paramSelect(sweep.colParam, (colParam) => setSweep({ colParam }), 'Columns')}
        <label>
          values <input value={colsText} onInput={(e) => setColsText(e.currentTarget.value)} aria-invalid={!cols} />
        </label>
        <button type="button" onClick={start} disabled={busy || sweep.running || !rows || !cols || sweep.rowParam === sweep.colParam}>
          Run sweep
        </button>
        <button type="button" onClick={cancelClassViz} disabled={!sweep.running}>
          Cancel sweep
        </button>
      </div>
      {sweep.cells.length > 0 ? (
        <table class="sweep-grid">
          <thead>
            <tr>
              <th scope="col">
                {SWEEP_PARAMS[sweep.rowParam]} \ {SWEEP_PARAMS[sweep.colParam]}
              </th>
              {sweep.cols.map((c) => (
                <th key={c} scope="col">
                  {formatNumber(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sweep.rows.map((r, row) => (
              <tr key={r}>
                <th scope="row">{formatNumber(r)}</th>
                {sweep.cols.map((_, col) => {
                  const cell = sweep.cells.find((c) => c.row === row && c.col === col);
                  return (
                    <td key={col} data-status={cell?.status}>
                      <ImageCanvas
                        image={cell?.result?.image ?? null}
                        size={112}
                        label={cell?.result ? formatPercent(cell.result.probability) : (cell?.status ?? 'waiting')}
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

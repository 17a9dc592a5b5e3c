import type { ModelOption } from '../lib/model-options.ts';
import { formatPercent } from '../lib/format.ts';
import type { TransferOutput } from '../worker/protocol.ts';

interface Props {
  result: TransferOutput;
  /** Targeted attacks are judged by the target, untargeted ones by a changed prediction. */
  targeted: boolean;
  options: readonly ModelOption[] | null;
}

/** One row per other model: what it saw before and after, and whether the saved image fools it too. */
export function TransferReport({ result, targeted, options }: Props) {
  const nameOf = (id: string) => options?.find((o) => o.id === id)?.name ?? id;
  return (
    <section class="transfer" aria-label="Transfer to the other models" data-testid="transfer-report">
      <h3>Does it fool the other models?</h3>
      <p class="muted">The adversarial image as saved (8-bit PNG), fitted to each model's own input.</p>
      {result.results.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Original</th>
              <th scope="col">Adversarial</th>
              <th scope="col">Fooled?</th>
            </tr>
          </thead>
          <tbody>
            {result.results.map((r) => {
              const fooled = targeted ? r.reachedTarget === true : r.changed;
              return (
                <tr key={r.model} data-testid="transfer-row" data-model={r.model} data-fooled={String(fooled)}>
                  <th scope="row">{r.modelName}</th>
                  <td>
                    {r.before.name} ({formatPercent(r.before.probability)})
                  </td>
                  <td>
                    {r.after.name} ({formatPercent(r.after.probability)})
                  </td>
                  <td>{fooled ? (targeted ? 'yes: it predicts the target' : 'yes: its prediction changed') : targeted ? 'no: not the target' : 'no: same prediction'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>No other model is prepared on this server.</p>
      )}
      {result.skipped.length > 0 ? (
        <ul class="muted" data-testid="transfer-skipped">
          {result.skipped.map((s) => (
            <li key={s.modelId} data-model={s.modelId}>
              {nameOf(s.modelId)} not checked: {s.reason}.
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

import type { Prediction } from '../../../core/types.ts';
import { formatPercent } from '../lib/format.ts';

/** Top predictions as a horizontal bar chart (a list, so it reads well without the bars too). */
export function PredictionBars({ predictions, title = 'Predictions' }: { predictions: readonly Prediction[]; title?: string }) {
  return (
    <section class="predictions" aria-label={title}>
      <h3>{title}</h3>
      <ol>
        {predictions.map((p, rank) => (
          <li key={p.index} data-testid={rank === 0 ? 'top1' : undefined} data-index={p.index}>
            <span class="bar-label">
              {p.name} <small>#{p.index}</small>
            </span>
            <span class="bar" aria-hidden="true">
              <span class="bar-fill" style={{ width: `${Math.max(0.5, p.probability * 100).toFixed(1)}%` }} />
            </span>
            <span class="bar-value">{formatPercent(p.probability)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

import type { AppState } from '../state/app.ts';
import { MapCard } from './MapCard.tsx';
import { PredictionBars } from './PredictionBars.tsx';

type Column = NonNullable<AppState['compare']['columns']>[number];

const OVERLAY = { view: 'overlay', colormap: 'hot', opacity: 0.6, quantile: 0.9 } as const;

/** One model's column: its top-5 and the vanilla map of its own top class, on its own input. */
export function CompareColumnView({ column }: { column: Column }) {
  return (
    <section class="compare-column" aria-label={column.modelName} data-testid="compare-column" data-model={column.modelId}>
      <h2>{column.modelName}</h2>
      <p class="muted">
        {column.inputSize}×{column.inputSize} input · map of {column.map.class.name}
      </p>
      <MapCard input={column.image} map={column.map} settings={OVERLAY} />
      <PredictionBars predictions={column.predictions} title={`Top 5 · ${column.modelName}`} />
    </section>
  );
}

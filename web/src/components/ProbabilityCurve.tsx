/** Target probability per step as a small SVG line chart (0..1 on the y axis). */
export function ProbabilityCurve({ values, label }: { values: readonly number[]; label: string }) {
  const width = 320;
  const height = 120;
  const n = Math.max(values.length - 1, 1);
  const points = values.map((v, i) => `${((i / n) * width).toFixed(1)},${(height - v * height).toFixed(1)}`).join(' ');
  const last = values[values.length - 1];
  return (
    <figure class="curve">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${last === undefined ? 'no steps yet' : `${(last * 100).toFixed(1)}% after ${values.length} steps`}`}>
        <line x1="0" y1={height / 2} x2={width} y2={height / 2} class="curve-grid" />
        {values.length > 0 ? <polyline points={points} class="curve-line" /> : null}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

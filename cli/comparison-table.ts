import type { ModelComparison } from '../core/compare/compare-models.ts';

const percent = (p: number) => `${(p * 100).toFixed(2)}%`.padStart(7);

/**
 * The comparison as a text table, one column per model: its input, its top predictions, the class its
 * saliency map explains with the map's largest value, and the time the map took.
 */
export function comparisonTable(columns: readonly ModelComparison[]): string[] {
  const rank = Math.max(...columns.map((c) => c.predictions.length));
  const rows: [string, ...string[]][] = [
    ['model', ...columns.map((c) => c.model.id)],
    ['', ...columns.map((c) => c.model.name)],
    ['input', ...columns.map((c) => `${c.model.inputSize}×${c.model.inputSize}`)],
    ...Array.from({ length: rank }, (_, i): [string, ...string[]] => [
      `${i + 1}.`,
      ...columns.map((c) => (c.predictions[i] ? `${percent(c.predictions[i].probability)} ${c.predictions[i].index} ${c.predictions[i].name}` : '')),
    ]),
    ['saliency', ...columns.map((c) => `${c.map.class.index} ${c.map.class.name}, max ${largest(c.map.data).toPrecision(3)}`)],
    ['time', ...columns.map((c) => `${c.timingMs} ms`)],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('   ').trimEnd());
}

function largest(data: Float32Array): number {
  let max = 0;
  for (const value of data) max = Math.max(max, value);
  return max;
}

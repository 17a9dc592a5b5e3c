/**
 * The q-quantile (q in [0, 1]) of the values, interpolating linearly between the two nearest ranks,
 * as numpy.quantile does by default. 0 for no values.
 */
export function quantile(values: Float32Array, q: number): number {
  if (values.length === 0) return 0;
  // Float32Array's sort is numeric (not lexicographic like Array's), and sorting a copy leaves the map intact.
  const sorted = values.slice().sort();
  const rank = q * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
}

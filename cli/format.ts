import type { Prediction } from '../core/types.ts';

export function predictionLines(predictions: Prediction[]): string[] {
  return predictions.map((p, i) => `${String(i + 1).padStart(2)}. ${(p.probability * 100).toFixed(2).padStart(6)}%  ${String(p.index).padStart(3)}  ${p.name}  (score ${p.score.toFixed(3)})`);
}

export function milliseconds(since: number): number {
  return Math.round((performance.now() - since) * 10) / 10;
}

import type { Prediction } from '../types.ts';

/** Softmax in float64 with the max subtracted, so large scores never overflow. */
export function softmax(scores: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += out[i] = Math.exp(scores[i] - max);
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** The k most probable classes of one row of scores, best first. */
export function topPredictions(scores: ArrayLike<number>, classNames: readonly string[], k: number): Prediction[] {
  const probabilities = softmax(scores);
  const order = Array.from(probabilities.keys()).sort((a, b) => scores[b] - scores[a]);
  return order.slice(0, Math.max(1, Math.min(k, scores.length))).map((index) => ({
    index,
    name: classNames[index] ?? `class ${index}`,
    probability: probabilities[index],
    score: scores[index],
  }));
}

/** The prediction entry for one class (for target probabilities). */
export function predictionOf(scores: ArrayLike<number>, classNames: readonly string[], index: number): Prediction {
  const probabilities = softmax(scores);
  return { index, name: classNames[index] ?? `class ${index}`, probability: probabilities[index], score: scores[index] };
}

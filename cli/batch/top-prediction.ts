import type { Prediction } from '../../core/types.ts';
import type { SummaryLine } from './summary-line.ts';

/**
 * The summary's `top`: the first prediction of a command's JSON object or of an API document — on the
 * image (predict, saliency: `predictions`) or on the adversarial image (fgsm: `after`, in the API's `report`).
 */
export function topPrediction(result: Record<string, unknown>): SummaryLine['top'] {
  const r = result as { predictions?: Prediction[]; after?: Prediction[]; report?: { after?: Prediction[] } };
  const first = r.predictions?.[0] ?? r.after?.[0] ?? r.report?.after?.[0];
  return first && { index: first.index, name: first.name, probability: first.probability };
}

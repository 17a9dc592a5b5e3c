import { milliseconds } from '../format.ts';

/** `DIR/summary.jsonl`: one JSON line per image of a batch, in the order the images finished. */
export const SUMMARY_FILE = 'summary.jsonl';

export interface SummaryLine {
  /** The image's path as the batch found it (folder joined with the file name, or the list's line resolved). */
  image: string;
  status: 'ok' | 'error';
  /** The files written for the image, relative to the batch's --out; empty for an error. */
  outputs: string[];
  /** The first prediction of the result: on the image (predict, saliency) or on the adversarial image (fgsm). */
  top?: { index: number; name: string; probability: number };
  /** Time spent on the image: reading, computing (or the API round trips, retries included) and writing. */
  ms: number;
  /** Why the image failed: the message, the error's code where it has one, the HTTP status with --api. */
  error?: { message: string; code?: string; hint?: string; status?: number };
}

/** A line for an image that failed: the error's message, code and hint, and the HTTP status if it came from the API. */
export function errorLine(image: string, error: unknown, started: number): SummaryLine {
  const { message, code, hint, status } = error as { message?: string; code?: unknown; hint?: string; status?: number };
  const details = { message: message ?? String(error), ...(typeof code === 'string' ? { code } : {}), ...(hint ? { hint } : {}), ...(status ? { status } : {}) };
  return { image, status: 'error', outputs: [], ms: milliseconds(started), error: details };
}

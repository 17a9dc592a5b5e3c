/**
 * Stored results as the API returns them: a JSON document whose images are URLs relative to the
 * site. The viewer reads it tolerantly (predictions, share link, every image URL it can find) so a
 * new field on the server never breaks the page.
 */
import type { Prediction } from '../../../core/types.ts';
import { api } from './client.ts';

export type ApiDocument = Record<string, unknown> & { id?: string; kind?: string; shareUrl?: string };
export type ApiSaliencyResponse = ApiDocument;

export interface DocumentImage {
  label: string;
  url: string;
}

export function fetchResult(id: string): Promise<ApiDocument> {
  return api.get<ApiDocument>(`/results/${encodeURIComponent(id)}`);
}

function isPrediction(value: unknown): value is Prediction {
  const p = value as Prediction;
  return !!p && typeof p === 'object' && typeof p.index === 'number' && typeof p.name === 'string' && typeof p.probability === 'number';
}

/** The first list of predictions in the document (`predictions`, `before`, `result.predictions`, …). */
export function documentPredictions(doc: unknown, key = 'predictions'): Prediction[] {
  const seen = new Set<unknown>();
  const walk = (value: unknown, depth: number): Prediction[] | null => {
    if (!value || typeof value !== 'object' || depth > 4 || seen.has(value)) return null;
    seen.add(value);
    const record = value as Record<string, unknown>;
    const direct = record[key];
    if (Array.isArray(direct) && direct.length > 0 && direct.every(isPrediction)) return direct;
    for (const child of Object.values(record)) {
      const found = walk(child, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(doc, 0) ?? [];
}

const IMAGE_URL = /^(\/|https?:\/\/)[^\s]*$/;

/** Every image URL in the document with a label built from where it was found. */
export function documentImages(doc: unknown): DocumentImage[] {
  const images: DocumentImage[] = [];
  const walk = (value: unknown, path: string[], depth: number) => {
    if (depth > 5 || !value) return;
    if (typeof value === 'string') {
      if (IMAGE_URL.test(value) && /\.(png|jpe?g|webp)(\?|$)/i.test(value)) images.push({ label: labelOf(path, doc), url: value });
      return;
    }
    if (typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) walk(child, [...path, key], depth + 1);
  };
  walk(doc, [], 0);
  return images;
}

function labelOf(path: string[], doc: unknown): string {
  const words: string[] = [];
  let node: unknown = doc;
  for (const part of path) {
    node = (node as Record<string, unknown>)?.[part];
    const cls = (node as { class?: { name?: unknown } })?.class?.name;
    if (typeof cls === 'string') words.push(cls);
    else if (!/^(\d+|maps)$/.test(part)) words.push(part.replace(/Url$|_url$/i, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  }
  return words.join(' · ') || 'image';
}

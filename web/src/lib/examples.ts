/**
 * The home page's precomputed examples: `/examples/index.json`, written by `npm run models`
 * (models/prepare/prepare-examples.ts) from the real model and one sample image.
 */

export type ExampleMethod =
  | 'input'
  | 'saliency-vanilla'
  | 'saliency-smoothgrad'
  | 'saliency-integrated-gradients'
  | 'fgsm-adversarial'
  | 'fgsm-difference'
  | 'class-visualization';

/** A class and how probable the model finds it for the pictured image. */
export interface ExampleClass {
  index: number;
  name: string;
  probability: number;
}

/** One picture as the index file stores it; `file` is relative to the index. */
export interface ExampleEntry {
  method: ExampleMethod;
  file: string;
  width: number;
  height: number;
  caption: string;
  alt: string;
  /** The class the picture is about, with its probability for this picture. */
  class?: ExampleClass;
  /** FGSM only: the top class of the original image. */
  before?: ExampleClass;
}

export interface ExampleIndex {
  /** Which build made it: compared by `npm run models` to skip work that is up to date. */
  stamp?: Record<string, unknown>;
  examples: ExampleEntry[];
}

/** An example ready to show: where the picture is, its size, and the page that computes it. */
export interface Example {
  method: string;
  url: string;
  width: number;
  height: number;
  caption: string;
  alt: string;
  href: string;
}

const PAGE_OF_METHOD: Record<ExampleMethod, string> = {
  input: '/saliency',
  'saliency-vanilla': '/saliency',
  'saliency-smoothgrad': '/saliency',
  'saliency-integrated-gradients': '/saliency',
  'fgsm-adversarial': '/adversarial',
  'fgsm-difference': '/adversarial',
  'class-visualization': '/classviz',
};

/** The model's input size: what every example is when the index does not say. */
const DEFAULT_SIDE = 224;

const side = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 4096 ? value : DEFAULT_SIDE);
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * Reads the example index tolerantly: `{ examples: [...] }` or a bare array; entries without a file
 * are dropped, missing sizes are the model's 224, an unknown method links to the home page.
 */
export function parseExampleIndex(json: unknown, base = '/examples/'): Example[] {
  const list = Array.isArray(json) ? json : (json as { examples?: unknown } | null)?.examples;
  if (!Array.isArray(list)) return [];
  const examples: Example[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const entry = item as Record<string, unknown>;
    const file = text(entry.file);
    if (!file) continue;
    const method = text(entry.method);
    const caption = text(entry.caption);
    examples.push({
      method,
      url: /^(\/|https?:)/.test(file) ? file : base + file,
      width: side(entry.width),
      height: side(entry.height),
      caption,
      // An image without alt text is read out by its file name; the caption says more.
      alt: text(entry.alt) || caption,
      href: Object.hasOwn(PAGE_OF_METHOD, method) ? PAGE_OF_METHOD[method as ExampleMethod] : '/',
    });
  }
  return examples;
}

/** The examples, or none when the site was built without them (missing, not JSON, or a network error). */
export async function loadExamples(fetchIndex: typeof fetch = fetch): Promise<Example[]> {
  try {
    const response = await fetchIndex('/examples/index.json');
    return response.ok ? parseExampleIndex(await response.json()) : [];
  } catch {
    return [];
  }
}

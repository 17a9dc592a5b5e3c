/**
 * Stored documents keep site-relative URLs; responses carry absolute ones at the configured public
 * origin (config.ts `publicOrigin`), never at the request's Host, which the client chooses.
 */

export function resultLinks(id: string) {
  return { resultUrl: `/api/v1/results/${id}`, shareUrl: `/r/${id}` };
}

/** Applies `change` to every string field named `…Url`, at any depth. */
export function mapUrls<T>(value: T, change: (url: string) => string): T {
  if (Array.isArray(value)) return value.map((v) => mapUrls(v, change)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = key.endsWith('Url') && typeof v === 'string' ? change(v) : mapUrls(v, change);
    return out as T;
  }
  return value;
}

/** Every `…Url` field that starts with `/` becomes absolute at `origin`. */
export function absoluteUrls<T>(value: T, origin: string): T {
  return mapUrls(value, (url) => (url.startsWith('/') ? origin + url : url));
}

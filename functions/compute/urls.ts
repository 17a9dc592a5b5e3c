/** Stored documents keep site-relative URLs; responses carry absolute ones for the request's origin. */

export function resultLinks(id: string) {
  return { resultUrl: `/api/v1/results/${id}`, shareUrl: `/r/${id}` };
}

/** Every string field named `…Url` that starts with `/` becomes absolute, at any depth. */
export function absoluteUrls<T>(value: T, origin: string): T {
  if (Array.isArray(value)) return value.map((v) => absoluteUrls(v, origin)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = key.endsWith('Url') && typeof v === 'string' && v.startsWith('/') ? origin + v : absoluteUrls(v, origin);
    }
    return out as T;
  }
  return value;
}

/**
 * The public document of one result: its computation's shared fields with the result's own id,
 * links, creation time, expiry and file URLs. Two requesters of the same computation see documents
 * that differ only there, and nothing in either says that the other exists.
 */
import { mapUrls, resultLinks } from '../compute/urls.ts';
import { artifactPath } from './artifacts.ts';

/**
 * Stands for the result id in a computation's file URLs (not base64url, so never a real id).
 * Migration 0002 writes it into the documents of results stored before computations were shared.
 */
export const RESULT_ID_SLOT = '{id}';

/** A file URL as a computation's document keeps it: `computationFileUrl('maps/0/raw.npy')`. */
export function computationFileUrl(name: string): string {
  return artifactPath(RESULT_ID_SLOT, name);
}

export interface ResultIdentity {
  id: string;
  createdAt: number;
  expiresAt: number;
}

/** The document of `result` showing `computation` (URLs relative to the site). */
export function resultDocument(result: ResultIdentity, computation: { document: Record<string, unknown> }): Record<string, unknown> {
  const shared = computationFileUrl('');
  const own = artifactPath(result.id, '');
  return {
    id: result.id,
    ...mapUrls(computation.document, (url) => (url.startsWith(shared) ? own + url.slice(shared.length) : url)),
    ...resultLinks(result.id),
    createdAt: new Date(result.createdAt).toISOString(),
    expiresAt: new Date(result.expiresAt).toISOString(),
  };
}

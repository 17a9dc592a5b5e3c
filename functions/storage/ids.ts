/** Unguessable ids and tokens, and the hashes stored in their place. */

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomBase64url(byteCount: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** 128 random bits → 22 characters. */
export function newResultId(): string {
  return randomBase64url(16);
}

/** Also 128 random bits: never derived from the cache key, so a delete cannot race a re-create of the same key. */
export const newComputationId = newResultId;

/** 256 random bits; only its SHA-256 is stored. */
export function newDeleteToken(): string {
  return randomBase64url(32);
}

export const RESULT_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export async function sha256Hex(data: string | ArrayBuffer | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two hex digests without an early exit, so timing says nothing about the prefix. */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

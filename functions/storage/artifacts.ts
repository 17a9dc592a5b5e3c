/**
 * Artifacts in R2: the files of one computation under one key prefix (`computations/<id>/<name>`;
 * results stored before computations were shared keep theirs under `results/<id>/`). They are written
 * once and never changed; every result of the computation serves them under its own URL.
 */

export const ARTIFACT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  npy: 'application/octet-stream',
};

/** Names are ours (input.png, maps/0/overlay.png, …); anything else is refused before touching R2. */
export const ARTIFACT_NAME_PATTERN = /^(?:[a-z]+|maps\/\d{1,2}\/[a-z]+)\.(png|npy)$/;

/** The key prefix of a new computation's files. */
export function computationPrefix(computationId: string): string {
  return `computations/${computationId}/`;
}

/** The URL path of a file as a result serves it (see routes/results.ts). */
export function artifactPath(resultId: string, name: string): string {
  return `/api/v1/results/${resultId}/files/${name}`;
}

export async function putArtifacts(bucket: R2Bucket, prefix: string, files: Record<string, Uint8Array>): Promise<void> {
  await Promise.all(
    Object.entries(files).map(([name, bytes]) => {
      const extension = name.slice(name.lastIndexOf('.') + 1);
      return bucket.put(prefix + name, bytes, { httpMetadata: { contentType: ARTIFACT_TYPES[extension] ?? 'application/octet-stream' } });
    }),
  );
}

export async function getArtifact(bucket: R2Bucket, prefix: string, name: string): Promise<R2ObjectBody | null> {
  return bucket.get(prefix + name);
}

/** Deletes every object under `prefix`; only called once no result refers to the computation. */
export async function deleteArtifacts(bucket: R2Bucket, prefix: string): Promise<void> {
  let cursor: string | undefined;
  do {
    const listing = await bucket.list({ prefix, cursor });
    if (listing.objects.length > 0) await bucket.delete(listing.objects.map((o) => o.key));
    cursor = listing.truncated ? listing.cursor : undefined;
  } while (cursor);
}

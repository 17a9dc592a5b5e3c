/** Result artifacts in R2, one folder per result: results/<id>/<name>. */

export const ARTIFACT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  npy: 'application/octet-stream',
};

/** Names are ours (input.png, maps/0/overlay.png, …); anything else is refused before touching R2. */
export const ARTIFACT_NAME_PATTERN = /^(?:[a-z]+|maps\/\d{1,2}\/[a-z]+)\.(png|npy)$/;

function key(id: string, name: string): string {
  return `results/${id}/${name}`;
}

export function artifactPath(id: string, name: string): string {
  return `/api/v1/results/${id}/files/${name}`;
}

export async function putArtifacts(bucket: R2Bucket, id: string, files: Record<string, Uint8Array>, expiresAt: number): Promise<void> {
  await Promise.all(
    Object.entries(files).map(([name, bytes]) => {
      const extension = name.slice(name.lastIndexOf('.') + 1);
      return bucket.put(key(id, name), bytes, {
        httpMetadata: { contentType: ARTIFACT_TYPES[extension] ?? 'application/octet-stream' },
        customMetadata: { expiresAt: String(expiresAt) },
      });
    }),
  );
}

export async function getArtifact(bucket: R2Bucket, id: string, name: string): Promise<R2ObjectBody | null> {
  return bucket.get(key(id, name));
}

export async function deleteArtifacts(bucket: R2Bucket, id: string): Promise<void> {
  let cursor: string | undefined;
  do {
    const listing = await bucket.list({ prefix: `results/${id}/`, cursor });
    if (listing.objects.length > 0) await bucket.delete(listing.objects.map((o) => o.key));
    cursor = listing.truncated ? listing.cursor : undefined;
  } while (cursor);
}

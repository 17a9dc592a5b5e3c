/**
 * A weight source for `loadModel` that reports download progress and keeps weights in the
 * browser's Cache Storage. The manifest is always revalidated; weight files are cached under a
 * key that includes their SHA-256 from the manifest, so a new model version is never served stale.
 */
import type { WeightDtype } from '../../../models/model-index.ts';

export type WeightSource = (path: string) => Promise<Response>;

export interface WeightProgress {
  loadedBytes: number;
  /** Sum of file sizes from the manifest; 0 until the manifest is read. */
  totalBytes: number;
}

interface ManifestFile {
  name: string;
  bytes: number;
  sha256?: string;
}

/** Version 2 lists one set of files; version 3 one set per weight variant. */
interface ManifestFiles {
  files?: ManifestFile[];
  variants?: Partial<Record<WeightDtype, { files?: ManifestFile[] }>>;
}

/** The files the loader fetches for `dtype`: that variant's in version 3, the only ones before. */
function variantFiles(manifest: ManifestFiles, dtype: WeightDtype): ManifestFile[] {
  return manifest.variants?.[dtype]?.files ?? manifest.files ?? [];
}

export interface SourceOptions {
  baseUrl: string;
  fetchFn?: typeof fetch;
  /** Cache Storage, when the page offers it (absent in some private modes and in tests). */
  cache?: Pick<Cache, 'match' | 'put'> | null;
  /** The variant being loaded: only its files count towards the total. */
  dtype?: WeightDtype;
  onProgress?: (progress: WeightProgress) => void;
}

export function progressWeightSource(options: SourceOptions): WeightSource {
  const fetchFn = options.fetchFn ?? fetch;
  const sha = new Map<string, string>();
  const progress: WeightProgress = { loadedBytes: 0, totalBytes: 0 };
  const report = () => options.onProgress?.({ ...progress });

  return async (path) => {
    const url = options.baseUrl + path;
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    if (fileName.endsWith('.json')) {
      const response = await fetchFn(url, { cache: 'no-cache' });
      if (response.ok) await learnManifest(response.clone());
      return response;
    }
    const key = sha.has(fileName) ? `${url}?sha256=${sha.get(fileName)}` : null;
    const cached = key && options.cache ? await options.cache.match(key).catch(() => undefined) : undefined;
    if (cached) {
      const bytes = await cached.arrayBuffer();
      progress.loadedBytes += bytes.byteLength;
      report();
      return new Response(bytes, { status: 200, headers: cached.headers });
    }
    const response = await fetchFn(url);
    if (!response.ok || !response.body) return response;
    const bytes = await readCounting(response.body, (n) => {
      progress.loadedBytes += n;
      report();
    });
    const copy = new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: response.headers });
    if (key && options.cache) await options.cache.put(key, copy.clone()).catch(() => undefined);
    return copy;
  };

  async function learnManifest(response: Response): Promise<void> {
    try {
      const manifest = (await response.json()) as ManifestFiles;
      for (const file of variantFiles(manifest, options.dtype ?? 'float32')) {
        progress.totalBytes += file.bytes;
        if (file.sha256) sha.set(file.name, file.sha256);
      }
      report();
    } catch {
      // loadModel reports a broken manifest with its own error; progress just stays unknown.
    }
  }
}

async function readCounting(body: ReadableStream<Uint8Array>, onChunk: (bytes: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    onChunk(value.byteLength);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

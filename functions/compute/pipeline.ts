/**
 * What every compute route shares: header check, cache lookup, model, decoding, storage of the
 * result and its artifacts, and the response. The route supplies only the core call and the
 * document it produces.
 */
import type { Context } from 'hono';
import { encodePng } from '../../core/image/index.ts';
import type { Classifier } from '../../core/model.ts';
import type { RgbImage } from '../../core/types.ts';
import type { FitMode } from '../../core/image/index.ts';
import { DEFAULT_MODEL_ID, modelEntry } from '../../models/registry.ts';
import packageJson from '../../package.json';
import { RESULT_REVISION, edgeConfig } from '../config.ts';
import type { AppEnv } from '../env.ts';
import { exclusive } from '../runtime/exclusive.ts';
import { getClassifier } from '../runtime/models.ts';
import { wasmHeapBytes } from '../runtime/wasm-backend.ts';
import { artifactPath, deleteArtifacts, putArtifacts } from '../storage/artifacts.ts';
import { sha256Hex } from '../storage/ids.ts';
import { type ResultKind, findCached, insertResult, newTicket, purgeExpired } from '../storage/results.ts';
import { checkImageHeader, modelImage, readUpload } from './image-input.ts';
import { absoluteUrls, resultLinks } from './urls.ts';

export interface ComputeInput {
  model: Classifier;
  image: RgbImage;
  /** Artifact path of a file of this result, e.g. `path('maps/0/raw.npy')`. */
  path: (name: string) => string;
}

export interface ComputeOutput {
  /** Result fields specific to the route (URLs relative, made absolute in the response). */
  document: Record<string, unknown>;
  files: Record<string, Uint8Array>;
}

export interface ComputeRoute<P> {
  kind: ResultKind;
  compute: (input: ComputeInput, params: P) => Promise<ComputeOutput>;
}

type CommonParams = { model?: string; fit?: FitMode };

/** Canonical text of the parameters: key order and absent fields must not change the cache key. */
function canonicalParams(params: Record<string, unknown>): string {
  const entries = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}

/** "Cache-Control: no-cache" asks for a fresh computation (the benchmark uses it). */
function wantsFresh(c: Context<AppEnv>): boolean {
  return /\bno-cache\b/i.test(c.req.header('Cache-Control') ?? '');
}

export async function runCompute<P extends CommonParams>(
  c: Context<AppEnv>,
  route: ComputeRoute<P>,
  query: P,
  form: Record<string, unknown>,
): Promise<Response> {
  const started = performance.now();
  const config = edgeConfig(c.env);
  const upload = await readUpload(c, form);
  const params = { ...query, ...(upload.fields as Partial<P>) } as P;
  checkImageHeader(upload.bytes, config.maxPixels);
  const modelId = params.model ?? DEFAULT_MODEL_ID;
  const info = modelEntry(modelId).info;

  const imageHash = await sha256Hex(upload.bytes);
  const cacheKey = await sha256Hex(
    [RESULT_REVISION, packageJson.version, route.kind, modelId, canonicalParams({ ...params, model: modelId }), imageHash].join('\n'),
  );
  const origin = new URL(c.req.url).origin;
  const now = Date.now();
  if (!wantsFresh(c)) {
    const cached = await findCached(c.env.DB, cacheKey, now);
    if (cached) {
      c.header('X-Cache', 'HIT');
      return c.json(absoluteUrls({ ...cached.document, cached: true }, origin), 200);
    }
  }

  const model = await getClassifier(modelId, c.env.ASSETS);
  const ticket = newTicket(now, config.resultTtlMs);
  const path = (name: string) => artifactPath(ticket.id, name);
  const { image, output } = await exclusive(async () => {
    const image = modelImage(upload.bytes, config.maxPixels, info.inputSize, params.fit);
    return { image, output: await route.compute({ model, image, path }, params) };
  });
  const computeMs = Math.round(performance.now() - started);

  const files = { ...output.files, 'input.png': encodePng(image) };
  await putArtifacts(c.env.ARTIFACTS, ticket.id, files, ticket.expiresAt);
  const document = {
    id: ticket.id,
    kind: route.kind,
    model: modelId,
    ...output.document,
    parameters: { ...params, model: modelId },
    inputUrl: path('input.png'),
    ...resultLinks(ticket.id),
    createdAt: new Date(ticket.createdAt).toISOString(),
    expiresAt: new Date(ticket.expiresAt).toISOString(),
    timingMs: computeMs,
  };
  try {
    await insertResult(c.env.DB, ticket, { kind: route.kind, model: modelId, cacheKey, document });
  } catch (error) {
    await deleteArtifacts(c.env.ARTIFACTS, ticket.id);
    throw error;
  }
  c.executionCtx.waitUntil(purgeExpiredResults(c, now));

  c.header('X-Cache', 'MISS');
  c.header('Location', `${origin}/api/v1/results/${ticket.id}`);
  if (config.debugHeaders) c.header('X-Wasm-Heap-Bytes', String(wasmHeapBytes()));
  return c.json(absoluteUrls({ ...document, cached: false, deleteToken: ticket.deleteToken }, origin), 201);
}

async function purgeExpiredResults(c: Context<AppEnv>, now: number): Promise<void> {
  try {
    const ids = await purgeExpired(c.env.DB, now);
    await Promise.all(ids.map((id) => deleteArtifacts(c.env.ARTIFACTS, id)));
  } catch (error) {
    c.get('log')('warn', 'purging expired results failed', { error });
  }
}

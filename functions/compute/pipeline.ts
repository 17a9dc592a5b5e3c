/**
 * What every compute route shares: header check, cache lookup, model, decoding, storage of the
 * result and its artifacts, and the response. The route supplies only the core call and the
 * document it produces.
 */
import type { Context } from 'hono';
import { decodeImage, encodePng, modelImage } from '../../core/image/index.ts';
import type { Classifier } from '../../core/model.ts';
import { type ShareCardOptions, shareCard } from '../../core/render/share-card.ts';
import type { Prediction, RgbImage } from '../../core/types.ts';
import type { FitMode } from '../../core/image/index.ts';
import { DEFAULT_MODEL_ID } from '../../models/registry.ts';
import packageJson from '../../package.json';
import { RESULT_REVISION, edgeConfig } from '../config.ts';
import type { AppEnv } from '../env.ts';
import { exclusive } from '../runtime/exclusive.ts';
import { getClassifier } from '../runtime/models.ts';
import { requireApiModel } from '../runtime/require-api-model.ts';
import { wasmHeapBytes } from '../runtime/wasm-backend.ts';
import { artifactPath, deleteArtifacts, putArtifacts } from '../storage/artifacts.ts';
import { sha256Hex } from '../storage/ids.ts';
import { type ResultKind, findCached, insertResult, newTicket, purgeExpired } from '../storage/results.ts';
import { checkImageHeader, readUpload } from './image-input.ts';
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
  /** One spelling per parameter (older aliases folded in) before the cache key is made. */
  canonical?: (params: P) => P;
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
  const given = { ...query, ...(upload.fields as Partial<P>) } as P;
  const params = route.canonical ? route.canonical(given) : given;
  const modelId = params.model ?? DEFAULT_MODEL_ID;
  // Before any hashing or lookup: an unknown model is a 404, one that does not fit a Worker a 400.
  await requireApiModel(modelId, c.env.ASSETS);
  checkImageHeader(upload.bytes, config.maxPixels);

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
  // The loaded classifier's facts: an imported model's input size and name come with its weights.
  const { info } = model;
  const ticket = newTicket(now, config.resultTtlMs);
  const path = (name: string) => artifactPath(ticket.id, name);
  const { image, output } = await exclusive(async () => {
    const { image } = modelImage(upload.bytes, info.inputSize, params.fit, { maxPixels: config.maxPixels });
    return { image, output: await route.compute({ model, image, path }, params) };
  });
  const computeMs = Math.round(performance.now() - started);

  const files = { ...output.files, 'input.png': encodePng(image), 'card.png': shareCardPng(route.kind, output, image, info.name) };
  await putArtifacts(c.env.ARTIFACTS, ticket.id, files, ticket.expiresAt);
  const document = {
    id: ticket.id,
    kind: route.kind,
    model: modelId,
    ...output.document,
    parameters: { ...params, model: modelId },
    inputUrl: path('input.png'),
    cardUrl: path('card.png'),
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

/** The route's file the link preview shows beside the input; a prediction has none. */
const CARD_PICTURES: Record<ResultKind, string | undefined> = {
  saliency: 'maps/0/overlay.png',
  adversarial: 'adversarial.png',
  predict: undefined,
};

/** The document fields the card's text comes from. */
interface CardFields {
  class?: { index: number; name: string };
  predictions?: Prediction[];
  report?: { before: Prediction[]; after: Prediction[] };
}

const cardPercent = (p: number | undefined) => (p === undefined ? undefined : `${(p * 100).toFixed(1)}%`);

/**
 * The 1200 × 630 link-preview card (core/render/share-card.ts) as PNG. The picture is decoded back
 * from the route's PNG (about 4 ms) so that the routes need not know about the card.
 */
function shareCardPng(kind: ResultKind, output: ComputeOutput, input: RgbImage, modelName: string): Uint8Array {
  const pictureName = CARD_PICTURES[kind];
  const picture = pictureName && output.files[pictureName] ? decodeImage(output.files[pictureName]) : undefined;
  return encodePng(shareCard({ input, picture, ...cardText(kind, output.document as CardFields, modelName) }));
}

/** Saliency: the map's class; adversarial: the class before → after the attack; predict: the top class. */
function cardText(kind: ResultKind, fields: CardFields, modelName: string): Pick<ShareCardOptions, 'label' | 'score' | 'caption'> {
  if (kind === 'adversarial' && fields.report) {
    const [before, after] = [fields.report.before[0], fields.report.after[0]];
    return { label: `${before?.name ?? '?'} → ${after?.name ?? '?'}`, score: cardPercent(after?.probability), caption: `Adversarial example · ${modelName}` };
  }
  const shown = kind === 'saliency' && fields.class ? fields.class : fields.predictions?.[0];
  const probability = fields.predictions?.find((p) => p.index === shown?.index)?.probability;
  const caption = `${kind === 'saliency' ? 'Saliency map' : 'Prediction'} · ${modelName}`;
  return { label: shown?.name ?? 'unknown', score: cardPercent(probability), caption };
}

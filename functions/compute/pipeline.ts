/**
 * What every compute route shares: header check, cache lookup, model, decoding, storage of the
 * result and its artifacts, and the response. The route supplies only the core call and the
 * document it produces.
 */
import type { z } from '@hono/zod-openapi';
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
import { inComputeQueue } from '../runtime/compute-queue.ts';
import { getClassifier } from '../runtime/models.ts';
import { requireApiModel } from '../runtime/require-api-model.ts';
import { wasmHeapBytes } from '../runtime/wasm-backend.ts';
import { type Computation, newComputation } from '../storage/computations.ts';
import { sha256Hex } from '../storage/ids.ts';
import { AFTER_COMPUTE_PURGE, purgeExpired } from '../storage/purge.ts';
import { computationFileUrl, resultDocument } from '../storage/result-document.ts';
import { type ResultKind, type ResultTicket, newTicket, reuseComputation, storeComputation } from '../storage/results.ts';
import { checkImageHeader, readUpload } from './image-input.ts';
import { absoluteUrls } from './urls.ts';

export interface ComputeInput {
  model: Classifier;
  image: RgbImage;
  /**
   * URL path of a file of this computation, e.g. `path('maps/0/raw.npy')`; every result made from it
   * serves the file under its own id (storage/result-document.ts).
   */
  path: (name: string) => string;
  /** Fires when the client has gone; work of many passes hands it to the core. */
  signal: AbortSignal;
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
  paramsSchema: z.ZodObject,
): Promise<Response> {
  const started = performance.now();
  const config = edgeConfig(c.env);
  const upload = await readUpload(c, paramsSchema);
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
  const now = Date.now();
  // Every requester gets a result of their own, also when the computation is shared.
  const ticket = newTicket(now, config.resultTtlMs);
  if (!wantsFresh(c)) {
    const reused = await reuseComputation(c.env.DB, ticket, cacheKey);
    if (reused) return createdResponse(c, ticket, reused, 'HIT');
  }

  const model = await getClassifier(modelId, c.env.ASSETS);
  // The loaded classifier's facts: an imported model's input size and name come with its weights.
  const { info } = model;
  const path = computationFileUrl;
  // Aborts when the client goes away (compatibility flag enable_request_signal): a waiting
  // computation leaves the queue, a running one stops at its next checkpoint.
  const signal = c.req.raw.signal;
  const { image, output } = await inComputeQueue(
    async () => {
      const { image } = modelImage(upload.bytes, info.inputSize, params.fit, { maxPixels: config.maxPixels });
      return { image, output: await route.compute({ model, image, path, signal }, params) };
    },
    { maxWaiting: config.computeQueue, signal },
  );
  const computeMs = Math.round(performance.now() - started);

  const files = { ...output.files, 'input.png': encodePng(image), 'card.png': shareCardPng(route.kind, output, image, info.name) };
  const document = {
    kind: route.kind,
    model: modelId,
    ...output.document,
    parameters: { ...params, model: modelId },
    inputUrl: path('input.png'),
    cardUrl: path('card.png'),
    timingMs: computeMs,
  };
  const computation = newComputation({ cacheKey, kind: route.kind, model: modelId, document, createdAt: now });
  await storeComputation(c.env.DB, c.env.ARTIFACTS, ticket, computation, files);
  c.executionCtx.waitUntil(purgeAfterCompute(c, now));
  return createdResponse(c, ticket, computation, 'MISS');
}

/**
 * 201 with the ticket's own document, `Location` and delete token: a result made from an earlier
 * computation is answered exactly like a fresh one, so it says nothing about earlier requesters.
 * Only with DEBUG_HEADERS does X-Cache tell the two apart.
 */
function createdResponse(c: Context<AppEnv>, ticket: ResultTicket, computation: Computation, cache: 'HIT' | 'MISS'): Response {
  const config = edgeConfig(c.env);
  if (config.debugHeaders) {
    c.header('X-Cache', cache);
    c.header('X-Wasm-Heap-Bytes', String(wasmHeapBytes()));
  }
  c.header('Location', `${config.publicOrigin}/api/v1/results/${ticket.id}`);
  const document = resultDocument(ticket, computation);
  return c.json(absoluteUrls({ ...document, deleteToken: ticket.deleteToken }, config.publicOrigin), 201);
}

/** The bounded purge after a compute (the Cron Trigger does the rest); a failure only logs. */
async function purgeAfterCompute(c: Context<AppEnv>, now: number): Promise<void> {
  try {
    await purgeExpired(c.env.DB, c.env.ARTIFACTS, now, AFTER_COMPUTE_PURGE);
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

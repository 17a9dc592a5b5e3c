/** Response documents of the compute routes (also what GET /results/:id returns). */
import { z } from '@hono/zod-openapi';
import { ClassRefSchema, PredictionSchema } from './common.ts';

const url = z.string().openapi({ format: 'uri' });

/** Fields every stored result has. */
const ResultBase = z.object({
  id: z.string().openapi({ description: '128 random bits, base64url.' }),
  model: z.string(),
  parameters: z.record(z.string(), z.unknown()).openapi({ description: 'The request parameters (absent = the core default).' }),
  inputUrl: url.openapi({ description: 'The image as the model saw it (PNG, model resolution).' }),
  cardUrl: url.optional().openapi({
    description: 'Link-preview card of the share page, 1200×630 PNG: the input, the picture, the class and its probability. Absent on results stored before cards existed.',
  }),
  resultUrl: url,
  shareUrl: url.openapi({ description: 'Server-rendered share page.' }),
  createdAt: z.string().openapi({ description: 'When this result was created (each request creates its own).' }),
  expiresAt: z.string(),
  timingMs: z.number().openapi({ description: 'Server time of the computation (identical requests share one).' }),
  deleteToken: z.string().optional().openapi({
    description: 'Only in the creating response (every compute request creates a result of its own): send it to DELETE this result.',
  }),
});

export const PredictResultSchema = ResultBase.extend({
  kind: z.literal('predict'),
  predictions: z.array(PredictionSchema),
}).openapi('PredictResult');

export const SaliencyMapLinksSchema = z
  .object({
    class: ClassRefSchema,
    heatmapUrl: url.openapi({ description: 'Colored map (PNG).' }),
    overlayUrl: url.openapi({ description: 'Map blended over the input (PNG).' }),
    rawUrl: url.openapi({ description: 'The core’s float32 map, H×W at model resolution (.npy).' }),
  })
  .openapi('SaliencyMapLinks');

export const SaliencyResultSchema = ResultBase.extend({
  kind: z.literal('saliency'),
  class: ClassRefSchema.openapi({ description: 'The class of the first map.' }),
  predictions: z.array(PredictionSchema),
  maps: z.array(SaliencyMapLinksSchema),
}).openapi('SaliencyResult');

export const AttackReportSchema = z
  .object({
    kind: z.enum(['fgsm', 'fgsm-targeted', 'normalized-step', 'fool']),
    success: z.boolean(),
    steps: z.number().int(),
    target: ClassRefSchema.nullable(),
    before: z.array(PredictionSchema),
    after: z.array(PredictionSchema),
    after8bit: z.array(PredictionSchema),
    targetProbabilityBefore: z.number().optional(),
    targetProbabilityAfter: z.number().optional(),
    l2: z.number(),
    linf: z.number(),
    psnr: z.number().nullable(),
    survives8bit: z.boolean(),
  })
  .openapi('AttackReport');

export const AdversarialResultSchema = ResultBase.extend({
  kind: z.literal('adversarial'),
  report: AttackReportSchema,
  adversarialUrl: url.openapi({ description: 'The adversarial image, 8-bit PNG.' }),
  differenceUrl: url.openapi({ description: '128 + 10 × (adversarial − input), PNG.' }),
}).openapi('AdversarialResult');

export const StoredResultSchema = z
  .union([PredictResultSchema, SaliencyResultSchema, AdversarialResultSchema])
  .openapi('StoredResult');

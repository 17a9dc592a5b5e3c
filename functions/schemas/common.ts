/** Schemas shared by several routes: problems, predictions, class references. */
import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/api#problem-bad-request' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    hint: z.string().optional(),
    code: z.string().optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details (application/problem+json).' });

export const ClassRefSchema = z.object({ index: z.number().int(), name: z.string() }).openapi('ClassRef');

export const PredictionSchema = z
  .object({
    index: z.number().int(),
    name: z.string(),
    probability: z.number().openapi({ description: 'Softmax probability over all classes.' }),
    score: z.number().openapi({ description: 'Class score before softmax.' }),
  })
  .openapi('Prediction');

export const ResultIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'q3V0cGxhY2Vob2xkZXIwMQ' }),
});

/** Problem responses every compute route can answer with. */
export function problemResponses(statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Malformed request, unknown parameter value, or a model that does not run on the API (see GET /models)',
    404: 'Unknown model, class or result',
    413: 'Body over the size limit',
    415: 'Not a supported image',
    422: 'Image unreadable or over the pixel budget',
    429: 'Rate limited (see Retry-After)',
    503: 'Model not ready (see Retry-After)',
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s] ?? 'Error', content: { 'application/problem+json': { schema: ProblemSchema } } }]),
  );
}

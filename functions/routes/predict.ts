/** POST /api/v1/predict: top-k classes of an image. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { predict } from '../../core/predict/predict.ts';
import { runCompute } from '../compute/pipeline.ts';
import type { AppEnv } from '../env.ts';
import { bodyLimit } from '../http/body-limit.ts';
import { computeRateLimit } from '../http/rate-limit.ts';
import { problemResponses } from '../schemas/common.ts';
import { PredictParams, imageBody } from '../schemas/params.ts';
import { PredictResultSchema } from '../schemas/results.ts';

const route = createRoute({
  method: 'post',
  path: '/predict',
  summary: 'Classify an image',
  middleware: [computeRateLimit, bodyLimit] as const,
  request: { query: PredictParams, body: imageBody('PredictUpload') },
  responses: {
    201: { description: 'Computed and stored', content: { 'application/json': { schema: PredictResultSchema } } },
    ...problemResponses([400, 404, 413, 415, 422, 429, 503]),
  },
});

export const predictRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  return runCompute(
    c,
    {
      kind: 'predict',
      compute: async ({ model, image }, params: PredictParams) => ({
        document: { predictions: await predict(model, image, params.topK) },
        files: {},
      }),
    },
    c.req.valid('query'),
    PredictParams,
  ) as never;
});

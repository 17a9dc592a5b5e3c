/** POST /api/v1/adversarial: one FGSM step (untargeted or targeted) or one normalized-gradient step. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { DEFAULTS } from '../../core/defaults.ts';
import { fgsm } from '../../core/adversarial/fgsm.ts';
import { normalizedStep } from '../../core/adversarial/normalized-step.ts';
import { encodePng } from '../../core/image/index.ts';
import { runCompute } from '../compute/pipeline.ts';
import type { AppEnv } from '../env.ts';
import { bodyLimit } from '../http/body-limit.ts';
import { ProblemError } from '../http/problem.ts';
import { computeRateLimit } from '../http/rate-limit.ts';
import { problemResponses } from '../schemas/common.ts';
import { AdversarialParams, imageBody } from '../schemas/params.ts';
import { AdversarialResultSchema } from '../schemas/results.ts';

const route = createRoute({
  method: 'post',
  path: '/adversarial',
  summary: 'A single-step adversarial example and its attack report',
  middleware: [computeRateLimit, bodyLimit] as const,
  request: { query: AdversarialParams, body: imageBody('AdversarialUpload') },
  responses: {
    201: { description: 'Computed and stored', content: { 'application/json': { schema: AdversarialResultSchema } } },
    ...problemResponses([400, 404, 413, 415, 422, 429, 503]),
  },
});

export const adversarialRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  return runCompute(
    c,
    {
      kind: 'adversarial',
      canonical: ({ lr, ...params }) => {
        if (lr !== undefined && params.learningRate !== undefined) throw new ProblemError(400, 'Give learningRate or its older spelling lr, not both.');
        return { ...params, learningRate: params.learningRate ?? lr };
      },
      compute: async ({ model, image, path }, params: AdversarialParams) => {
        const attack = params.attack ?? DEFAULTS.attack.attack;
        if (attack === 'normalized-step' && (params.target === undefined || params.target === 'top')) {
          throw new ProblemError(400, 'attack=normalized-step needs a target class.', { hint: 'Add target=<index or name>.' });
        }
        const report =
          attack === 'fgsm'
            ? await fgsm(model, image, { epsilon: params.epsilon, target: params.target })
            : await normalizedStep(model, image, { target: params.target!, learningRate: params.learningRate });
        const { adversarial, difference, ...summary } = report;
        return {
          document: { report: summary, adversarialUrl: path('adversarial.png'), differenceUrl: path('difference.png') },
          files: { 'adversarial.png': encodePng(adversarial), 'difference.png': encodePng(difference) },
        };
      },
    },
    c.req.valid('query'),
    AdversarialParams,
  ) as never;
});

/** GET /api/v1/models and GET /api/v1/models/:id/classes. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { DEFAULT_MODEL_ID, MODELS, modelInfo } from '../../models/registry.ts';
import type { AppEnv } from '../env.ts';
import { ClassRefSchema, problemResponses } from '../schemas/common.ts';

const PreprocessingSchema = z
  .object({
    channelOrder: z.enum(['rgb', 'bgr']),
    scale: z.number(),
    mean: z.array(z.number()).length(3).readonly(),
    std: z.array(z.number()).length(3).readonly(),
  })
  .openapi('Preprocessing', {
    description: 'How pixels 0–255 (RGB) become the input: x = (reorder(pixels)·scale − mean)/std per channel, mean and std in the model’s channel order.',
  });

const ModelSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    inputSize: z.number().int(),
    preprocessing: PreprocessingSchema,
    parameters: z.number().int(),
    classCount: z.number().int(),
    default: z.boolean(),
    classesUrl: z.string(),
  })
  .openapi('Model');

const list = createRoute({
  method: 'get',
  path: '/models',
  summary: 'Models the API can run',
  responses: { 200: { description: 'Models', content: { 'application/json': { schema: z.object({ models: z.array(ModelSchema) }) } } } },
});

const classes = createRoute({
  method: 'get',
  path: '/models/{id}/classes',
  summary: 'Class names of a model, in index order',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'squeezenet1_1' }) }) },
  responses: {
    200: {
      description: 'Classes',
      content: { 'application/json': { schema: z.object({ model: z.string(), classes: z.array(ClassRefSchema) }) } },
    },
    ...problemResponses([404]),
  },
});

/** Class lists never change for a model id; let browsers and CDNs keep them. */
const LONG_CACHE = 'public, max-age=86400';

export const modelRoutes = new OpenAPIHono<AppEnv>()
  .openapi(list, (c) => {
    const origin = new URL(c.req.url).origin;
    const models = Object.values(MODELS).map(({ info, weights }) => ({
      id: info.id,
      name: info.name,
      inputSize: info.inputSize,
      preprocessing: info.preprocessing,
      parameters: weights.parameters,
      classCount: info.classNames.length,
      default: info.id === DEFAULT_MODEL_ID,
      classesUrl: `${origin}/api/v1/models/${info.id}/classes`,
    }));
    return c.json({ models }, 200);
  })
  .openapi(classes, (c) => {
    const info = modelInfo(c.req.valid('param').id);
    c.header('Cache-Control', LONG_CACHE);
    return c.json({ model: info.id, classes: info.classNames.map((name, index) => ({ index, name })) }, 200);
  });

/** GET /api/v1/models and GET /api/v1/models/:id/classes. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { MODELS } from '../../models/registry.ts';
import { edgeConfig } from '../config.ts';
import type { AppEnv } from '../env.ts';
import { listModels } from '../runtime/list-models.ts';
import { getClassifier } from '../runtime/models.ts';
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
    imported: z.boolean().openapi({ description: 'Made by `gradlens models import` from a checkpoint of one of the architectures.' }),
    runsOn: z
      .array(z.enum(['cli', 'site', 'api']))
      .openapi({ description: 'Where the model may run. The API runs only models whose weights fit a Worker (not VGG16: the site and the CLI run it).' }),
    prepared: z.boolean().openapi({ description: 'Its weights are prepared on this deployment.' }),
    availableHere: z.boolean().openapi({ description: 'This API computes with it (`model=` on the compute routes): it runs on the API and is prepared here.' }),
    classesUrl: z.string(),
  })
  .openapi('Model');

const list = createRoute({
  method: 'get',
  path: '/models',
  summary: 'Models: where each runs, and which this API computes with',
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
    ...problemResponses([400, 404, 503]),
  },
});

/** A built-in model's class list never changes; let browsers and CDNs keep it. */
const LONG_CACHE = 'public, max-age=86400';

export const modelRoutes = new OpenAPIHono<AppEnv>()
  .openapi(list, async (c) => {
    const origin = edgeConfig(c.env).publicOrigin;
    const models = (await listModels(c.env.ASSETS)).map((m) => ({ ...m, classesUrl: `${origin}/api/v1/models/${m.id}/classes` }));
    return c.json({ models }, 200);
  })
  .openapi(classes, async (c) => {
    const id = c.req.valid('param').id;
    // A built-in model's names are in the registry; an imported model's come with its weights.
    const builtIn = Object.hasOwn(MODELS, id);
    const info = builtIn ? MODELS[id].info : (await getClassifier(id, c.env.ASSETS)).info;
    // An imported id may be imported again with other classes, so only built-in lists are kept long.
    if (builtIn) c.header('Cache-Control', LONG_CACHE);
    return c.json({ model: info.id, classes: info.classNames.map((name, index) => ({ index, name })) }, 200);
  });

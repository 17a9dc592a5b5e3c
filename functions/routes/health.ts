/** GET /api/v1/health: readiness and the WASM heap size (for the benchmark and memory checks). */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_MODEL_ID } from '../../models/registry.ts';
import type { AppEnv } from '../env.ts';
import { getClassifier, readyModelIds } from '../runtime/models.ts';
import { wasmHeapBytes } from '../runtime/wasm-backend.ts';
import { ProblemSchema } from '../schemas/common.ts';

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    backend: z.string(),
    models: z.array(z.string()).openapi({ description: 'Model ids loaded in this isolate.' }),
    wasmHeapBytes: z.number().int().openapi({ description: 'Size of the WASM linear memory; it only grows, so this is the peak.' }),
    numTensors: z.number().int(),
  })
  .openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Readiness: starts the backend and loads the default model if needed',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'Model not ready', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(health, async (c) => {
  await getClassifier(DEFAULT_MODEL_ID, c.env.ASSETS);
  return c.json(
    {
      status: 'ok' as const,
      backend: tf.getBackend(),
      models: readyModelIds(),
      wasmHeapBytes: wasmHeapBytes(),
      numTensors: tf.memory().numTensors,
    },
    200,
  );
});

/** POST /api/v1/saliency: saliency maps (vanilla, SmoothGrad, Integrated Gradients) with rendered pictures. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { encodeNpy, encodePng } from '../../core/image/index.ts';
import { heatmap, overlay } from '../../core/render/index.ts';
import { saliencyMaps } from '../../core/saliency/saliency-maps.ts';
import { runCompute } from '../compute/pipeline.ts';
import type { AppEnv } from '../env.ts';
import { bodyLimit } from '../http/body-limit.ts';
import { computeRateLimit } from '../http/rate-limit.ts';
import { problemResponses } from '../schemas/common.ts';
import { SaliencyParams, imageBody } from '../schemas/params.ts';
import { SaliencyResultSchema } from '../schemas/results.ts';

const route = createRoute({
  method: 'post',
  path: '/saliency',
  summary: 'Saliency maps of an image for a class or the top-k classes',
  middleware: [computeRateLimit, bodyLimit] as const,
  request: { query: SaliencyParams, body: imageBody('SaliencyUpload') },
  responses: {
    201: { description: 'Computed and stored', content: { 'application/json': { schema: SaliencyResultSchema } } },
    ...problemResponses([400, 404, 413, 415, 422, 429, 503]),
  },
});

export const saliencyRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  return runCompute(
    c,
    {
      kind: 'saliency',
      compute: async ({ model, image, path, signal }, params: SaliencyParams) => {
        const result = await saliencyMaps(model, image, {
          class: params.class,
          topK: params.topK,
          method: params.method,
          samples: params.samples,
          noise: params.noise,
          steps: params.steps,
          seed: params.seed,
          signal,
        });
        const files: Record<string, Uint8Array> = {};
        const maps = result.maps.map((map, k) => {
          files[`maps/${k}/heatmap.png`] = encodePng(heatmap(map));
          files[`maps/${k}/overlay.png`] = encodePng(overlay(image, map));
          files[`maps/${k}/raw.npy`] = encodeNpy(map.data, [map.height, map.width]);
          return {
            class: map.class,
            heatmapUrl: path(`maps/${k}/heatmap.png`),
            overlayUrl: path(`maps/${k}/overlay.png`),
            rawUrl: path(`maps/${k}/raw.npy`),
          };
        });
        return { document: { class: result.maps[0].class, predictions: result.predictions, maps }, files };
      },
    },
    c.req.valid('query'),
    SaliencyParams,
  ) as never;
});

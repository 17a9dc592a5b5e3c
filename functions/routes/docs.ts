/** GET /api/v1/openapi.json (generated from the route schemas) and the API page GET /api. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import packageJson from '../../package.json';
import type { AppEnv } from '../env.ts';
import { type OpenApiLike, apiPage } from '../pages/api-page.ts';
import { UPLOAD_SCHEMAS } from '../schemas/params.ts';

const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'gradlens API',
    version: packageJson.version,
    description: 'How a CNN sees an image: predictions, saliency maps and single-step adversarial examples on SqueezeNet 1.1.',
  },
  servers: [{ url: '/api/v1' }],
};

/** Registers the OpenAPI document on the API app (paths relative to /api/v1). */
export function registerOpenApi(api: OpenAPIHono<AppEnv>): void {
  for (const [name, schema] of Object.entries(UPLOAD_SCHEMAS)) api.openAPIRegistry.register(name, schema);
  api.doc31('/openapi.json', DOCUMENT);
}

export function apiPageRoutes(api: OpenAPIHono<AppEnv>) {
  return new Hono<AppEnv>().get('/api', (c) => c.html(apiPage(api.getOpenAPI31Document(DOCUMENT) as unknown as OpenApiLike)));
}

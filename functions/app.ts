/**
 * The edge app: one Hono app for the API, the share pages and the API page. Static files (the site,
 * the prepared model files) are served by the assets binding before the Worker runs.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import type { AppEnv } from './env.ts';
import { allowedMethods } from './http/allowed-methods.ts';
import { errorResponse, methodNotAllowedResponse, notFoundResponse } from './http/error-handler.ts';
import { REQUEST_ID_HEADER, requestContext } from './http/request-context.ts';
import { validationHook } from './http/validation.ts';
import { adversarialRoutes } from './routes/adversarial.ts';
import { apiPageRoutes, registerOpenApi } from './routes/docs.ts';
import { healthRoutes } from './routes/health.ts';
import { modelRoutes } from './routes/models.ts';
import { predictRoutes } from './routes/predict.ts';
import { resultRoutes } from './routes/results.ts';
import { saliencyRoutes } from './routes/saliency.ts';
import { shareRoutes } from './routes/share.ts';

function createApi() {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.route('/', modelRoutes);
  api.route('/', predictRoutes);
  api.route('/', saliencyRoutes);
  api.route('/', adversarialRoutes);
  api.route('/', resultRoutes);
  api.route('/', healthRoutes);
  registerOpenApi(api);
  return api;
}

/**
 * The assets layer in single-page-application mode answers every miss with index.html, which is right
 * for a page (/saliency) and wrong for a file (/models/x/missing.bin, a stale chunk): a file that is
 * not there must be a 404, or a loader would parse HTML as weights.
 */
async function serveAsset(assets: Fetcher, request: Request, path: string, notFound: () => Response | Promise<Response>): Promise<Response> {
  const response = (await assets.fetch(request)) as unknown as Response;
  const isFile = /\.[a-z0-9]+$/i.test(path) && !/\.html?$/i.test(path);
  if (isFile && (response.headers.get('Content-Type') ?? '').includes('text/html')) return notFound();
  return response;
}

export function createApp() {
  const api = createApi();
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requestContext);
  app.use(
    '/api/v1/*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Authorization', 'Cache-Control', REQUEST_ID_HEADER],
      exposeHeaders: [REQUEST_ID_HEADER, 'Retry-After', 'Location', 'Allow', 'X-Cache'],
      maxAge: 86_400,
    }),
  );
  app.route('/api/v1', api);
  app.route('/', apiPageRoutes(api));
  app.route('/', shareRoutes);
  app.onError(errorResponse);
  app.notFound((c) => {
    const { method, path } = c.req;
    const isApi = path === '/api' || path.startsWith('/api/');
    // Outside the API every path is a page or a file of the site: GET and HEAD only.
    const known = allowedMethods(app.routes, path, { preflight: path.startsWith('/api/v1/') });
    const allowed = known.length > 0 || isApi ? known : ['GET', 'HEAD'];
    if (allowed.length > 0 && !allowed.includes(method)) return methodNotAllowedResponse(c, allowed);
    // Static files normally never reach the Worker; when they do (a test calling the Worker directly,
    // a route list change), the assets binding still answers them.
    if (!isApi) return serveAsset(c.env.ASSETS, c.req.raw, path, () => notFoundResponse(c));
    return notFoundResponse(c);
  });
  return app;
}

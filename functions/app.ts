/**
 * The edge app: one Hono app for the API, the share pages and the API page. Static files (the site,
 * the prepared model files) are served by the assets binding before the Worker runs.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import type { AppEnv } from './env.ts';
import { errorResponse, notFoundResponse } from './http/error-handler.ts';
import { ProblemError } from './http/problem.ts';
import { REQUEST_ID_HEADER, requestContext } from './http/request-context.ts';
import { adversarialRoutes } from './routes/adversarial.ts';
import { apiPageRoutes, registerOpenApi } from './routes/docs.ts';
import { healthRoutes } from './routes/health.ts';
import { modelRoutes } from './routes/models.ts';
import { predictRoutes } from './routes/predict.ts';
import { resultRoutes } from './routes/results.ts';
import { saliencyRoutes } from './routes/saliency.ts';
import { shareRoutes } from './routes/share.ts';

interface ValidationIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
}

/** Unknown names are echoed clipped and few: a junk body parsed as a form has thousands of megabyte-long "keys". */
const ECHO_MAX_KEYS = 5;
const ECHO_MAX_CHARS = 40;

function issueMessage(issue: ValidationIssue): string {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return issue.message;
  const clip = (key: string) => JSON.stringify(key.length > ECHO_MAX_CHARS ? `${key.slice(0, ECHO_MAX_CHARS)}…` : key);
  const shown = issue.keys.slice(0, ECHO_MAX_KEYS).map(clip).join(', ');
  const more = issue.keys.length - ECHO_MAX_KEYS;
  return `Unrecognized key${issue.keys.length === 1 ? '' : 's'}: ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}

/** Turns a failed zod validation into a 400 problem naming every offending field. */
function validationHook(result: { success: boolean; error?: { issues: ValidationIssue[] } }) {
  if (!result.success && result.error) {
    const detail = result.error.issues
      .map((i) => {
        const where = i.path.map(String).join('.') || 'request';
        const message = issueMessage(i);
        // Limit messages name their parameter already ("samples must be …").
        return message.startsWith(`${where} `) ? message : `${where}: ${message}`;
      })
      .join('; ');
    throw new ProblemError(400, detail);
  }
}

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
      exposeHeaders: [REQUEST_ID_HEADER, 'Retry-After', 'Location', 'X-Cache'],
      maxAge: 86_400,
    }),
  );
  app.route('/api/v1', api);
  app.route('/', apiPageRoutes(api));
  app.route('/', shareRoutes);
  app.onError(errorResponse);
  app.notFound((c) => {
    // Static files normally never reach the Worker; when they do (a test calling the Worker directly,
    // a route list change), the assets binding still answers them.
    const path = c.req.path;
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && path !== '/api' && !path.startsWith('/api/')) {
      return serveAsset(c.env.ASSETS, c.req.raw, path, () => notFoundResponse(c));
    }
    return notFoundResponse(c);
  });
  return app;
}

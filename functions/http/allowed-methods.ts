/**
 * The methods an app answers at a path, from its route table, for `405 Method Not Allowed` and its
 * `Allow` header (RFC 9110 §15.5.6). Hono itself answers a known path with the wrong method as a miss.
 */

interface RouteLike {
  method: string;
  path: string;
}

/** Hono's path syntax (`/results/:id`, `/files/:name{.+}`, `*`) as an anchored regular expression. */
function pathPattern(path: string): RegExp {
  const segments = path.split('/').map((segment) => {
    if (segment === '*') return '.*';
    const param = /^:\w+(?:\{(.+)\})?$/.exec(segment);
    if (param) return param[1] ? `(?:${param[1]})` : '[^/]+';
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${segments.join('/')}/?$`);
}

/**
 * Methods of the routes matching `path`, with HEAD wherever GET is (Hono answers HEAD from GET
 * handlers) and OPTIONS where CORS preflights are answered. Middleware (method ALL) is not a route.
 */
export function allowedMethods(routes: readonly RouteLike[], path: string, { preflight }: { preflight: boolean }): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || !pathPattern(route.path).test(path)) continue;
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
  }
  if (methods.size > 0 && preflight) methods.add('OPTIONS');
  return [...methods];
}

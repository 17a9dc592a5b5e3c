/**
 * The site's routes as data: parsing a pathname is a pure function so it is tested without a DOM.
 * `/r/:id` belongs to the Worker's share page; the site's own view of a stored result is `/result/:id`.
 */
export type Route =
  | { name: 'home' }
  | { name: 'saliency' }
  | { name: 'adversarial' }
  | { name: 'classviz' }
  | { name: 'compare' }
  | { name: 'result'; id: string }
  | { name: 'api-docs' }
  | { name: 'not-found'; path: string };

export type RouteName = Route['name'];

/** Navigation entries in display order (the result route is reached by link only). */
export const NAV: readonly { name: RouteName; path: string; label: string }[] = [
  { name: 'home', path: '/', label: 'Home' },
  { name: 'saliency', path: '/saliency', label: 'Saliency' },
  { name: 'adversarial', path: '/adversarial', label: 'Adversarial' },
  { name: 'classviz', path: '/classviz', label: 'Class visualization' },
  { name: 'compare', path: '/compare', label: 'Compare models' },
  { name: 'api-docs', path: '/api-docs', label: 'API' },
];

const RESULT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const fixed = NAV.find((entry) => entry.path === path);
  if (fixed) return { name: fixed.name } as Route;
  const result = /^\/result\/([^/]+)$/.exec(path);
  if (result) {
    const id = safeDecode(result[1]);
    if (id !== null && RESULT_ID.test(id)) return { name: 'result', id };
  }
  return { name: 'not-found', path: pathname };
}

/**
 * The route for a full location. The Worker's share page links to `/?mode=…&result=<id>`
 * (a static path that always exists), which opens that stored result.
 */
export function routeFromLocation(pathname: string, search: string): Route {
  const route = parseRoute(pathname);
  if (route.name !== 'home') return route;
  const id = new URLSearchParams(search).get('result');
  return id !== null && RESULT_ID.test(id) ? { name: 'result', id } : route;
}

export function routePath(route: Route): string {
  if (route.name === 'result') return `/result/${encodeURIComponent(route.id)}`;
  if (route.name === 'not-found') return route.path;
  return NAV.find((entry) => entry.name === route.name)?.path ?? '/';
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

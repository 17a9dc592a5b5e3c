/** History-based navigation: the route lives in the app state, links are plain `<a href>`. */
import { appStore } from '../state/app.ts';
import { parseRoute, routeFromLocation, routePath } from './routes.ts';

export function navigate(path: string, replace = false): void {
  if (path === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  appStore.set({ route: parseRoute(location.pathname) });
  window.scrollTo(0, 0);
}

/** Same-origin clicks on site links become client-side navigation (modifier clicks and downloads stay native). */
export function startRouter(): () => void {
  const sync = () => appStore.set({ route: parseRoute(location.pathname) });
  const initial = routeFromLocation(location.pathname, location.search);
  if (initial.name === 'result' && location.pathname === '/') history.replaceState(null, '', routePath(initial));
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
    // The API and the Worker's share pages are not part of the single-page app.
    if (/^\/(api|r)\//.test(link.pathname) || /\.\w+$/.test(link.pathname)) return;
    event.preventDefault();
    navigate(link.pathname + link.search);
  };
  sync();
  window.addEventListener('popstate', sync);
  document.addEventListener('click', onClick);
  return () => {
    window.removeEventListener('popstate', sync);
    document.removeEventListener('click', onClick);
  };
}

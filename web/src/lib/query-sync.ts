/**
 * Keeps a page's URL query and its settings in step: a link with a query opens the page with those
 * settings (refused values are said in the page's message), and changing a setting rewrites the query
 * in place (no new history entry), so the address bar is always a link to what is on screen.
 */
import { appStore, patch } from '../state/app.ts';
import { setInputFit } from '../state/input.ts';
import { queryFromSettings, settingsFromQuery, type QueryPage } from './query.ts';

const PAGES: readonly string[] = ['saliency', 'adversarial', 'classviz'];

export function startQuerySync(): () => void {
  let route = '';
  const sync = () => {
    const state = appStore.get();
    const page = state.route.name;
    if (!PAGES.includes(page)) {
      route = page;
      return;
    }
    const name = page as QueryPage;
    if (page !== route) {
      route = page;
      if (location.search) {
        const { slices, problems } = settingsFromQuery(name, state, location.search);
        const message = problems.length ? { code: 'options/invalid', message: `Some settings of this link were not used: ${problems.join(' ')}` } : null;
        if (slices.inputFit !== state.inputFit) void setInputFit(slices.inputFit);
        patch(name, { ...slices[name], ...(message ? { error: message } : {}) });
        return; // the patch comes back here with the route unchanged, and writes the query
      }
    }
    const search = queryFromSettings(name, appStore.get());
    if (search !== location.search) history.replaceState(history.state, '', location.pathname + search);
  };
  sync();
  return appStore.subscribe(sync);
}

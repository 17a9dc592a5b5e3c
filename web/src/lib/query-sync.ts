/**
 * Keeps a page's URL query and its settings in step: a link with a query opens the page with those
 * settings (refused values are said in the page's message), and changing a setting rewrites the query
 * in place (no new history entry), so the address bar is always a link to what is on screen.
 */
import { appStore, patch } from '../state/app.ts';
import { setInputFit } from '../state/input.ts';
import { chooseModel } from '../state/model-choice.ts';
import { compareQuery, comparedModelsFromQuery } from './compare-query.ts';
import { queryFromSettings, settingsFromQuery, type QueryPage } from './query.ts';

const PAGES: readonly string[] = ['saliency', 'adversarial', 'classviz'];

const invalid = (problems: string[]) => (problems.length ? { code: 'options/invalid', message: `Some settings of this link were not used: ${problems.join(' ')}` } : null);

/** The compare view's models from its link; each is checked against the server's list by the page. */
function enterCompare(): void {
  const { ids, fit, problems } = comparedModelsFromQuery(location.search);
  if (fit && fit !== appStore.get().inputFit) void setInputFit(fit);
  const message = invalid(problems);
  patch('compare', { ...(ids.length ? { models: ids.map((modelId) => ({ modelId, dtype: 'float32' as const })), columns: null } : {}), ...(message ? { error: message } : {}) });
}

export function startQuerySync(): () => void {
  let route = '';
  const sync = () => {
    const state = appStore.get();
    const page = state.route.name;
    if (page === 'compare') {
      const entering = route !== page;
      route = page; // before the patch below, which comes back here
      if (entering && location.search) enterCompare();
      const now = appStore.get();
      const search = compareQuery(now.compare.models.map((m) => m.modelId), now.inputFit);
      if (search !== location.search) history.replaceState(history.state, '', location.pathname + search);
      return;
    }
    if (!PAGES.includes(page)) {
      route = page;
      return;
    }
    const name = page as QueryPage;
    if (page !== route) {
      route = page;
      if (location.search) {
        const ids = state.model.options?.map((o) => o.id);
        const { slices, problems } = settingsFromQuery(name, state, location.search, ids);
        if (slices.inputFit !== state.inputFit) void setInputFit(slices.inputFit);
        if (slices.model.id !== state.model.id) void chooseModel(slices.model.id);
        patch(name, { ...slices[name], ...(problems.length ? { error: invalid(problems)! } : {}) });
        return; // the patch comes back here with the route unchanged, and writes the query
      }
    }
    const search = queryFromSettings(name, appStore.get());
    if (search !== location.search) history.replaceState(history.state, '', location.pathname + search);
  };
  sync();
  return appStore.subscribe(sync);
}

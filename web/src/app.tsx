import { EngineStatus } from './components/EngineStatus.tsx';
import { ModelPicker } from './components/ModelPicker.tsx';
import { NAV } from './lib/routes.ts';
import { AdversarialPage } from './pages/AdversarialPage.tsx';
import { ApiDocsPage } from './pages/ApiDocsPage.tsx';
import { ClassVizPage } from './pages/ClassVizPage.tsx';
import { ComparePage } from './pages/ComparePage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { ResultPage } from './pages/ResultPage.tsx';
import { SaliencyPage } from './pages/SaliencyPage.tsx';
import { appStore } from './state/app.ts';
import { useSelector } from './state/store.ts';

export function App() {
  const route = useSelector(appStore, (s) => s.route);
  // The compare view picks its own models; the other computing pages share one.
  const onOneModel = route.name === 'saliency' || route.name === 'adversarial' || route.name === 'classviz';
  const computes = onOneModel || route.name === 'compare';
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="/">
          gradlens
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.filter((n) => n.name !== 'home').map((n) => (
              <li key={n.name}>
                <a href={n.path} aria-current={route.name === n.name ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {computes ? (
          <div class="header-tools">
            {onOneModel ? <ModelPicker /> : null}
            <EngineStatus />
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'home' ? <HomePage /> : null}
        {route.name === 'saliency' ? <SaliencyPage /> : null}
        {route.name === 'adversarial' ? <AdversarialPage /> : null}
        {route.name === 'classviz' ? <ClassVizPage /> : null}
        {route.name === 'compare' ? <ComparePage /> : null}
        {route.name === 'result' ? <ResultPage id={route.id} /> : null}
        {route.name === 'api-docs' ? <ApiDocsPage /> : null}
        {route.name === 'not-found' ? (
          <div class="page">
            <h1>Not found</h1>
            <p>
              Nothing lives at <code>{route.path}</code>. <a href="/">Go home</a>.
            </p>
          </div>
        ) : null}
      </main>
    </>
  );
}

import { render } from 'preact';
import { App } from './app.tsx';
import { startQuerySync } from './lib/query-sync.ts';
import { startRouter } from './lib/router.ts';
import './styles.css';

startRouter();
startQuerySync();
render(<App />, document.getElementById('app')!);

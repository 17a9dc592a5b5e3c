import { render } from 'preact';
import { App } from './app.tsx';
import { startRouter } from './lib/router.ts';
import './styles.css';

startRouter();
render(<App />, document.getElementById('app')!);

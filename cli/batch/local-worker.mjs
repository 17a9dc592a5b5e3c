// A worker thread of `gradlens batch`: TypeScript hooks do not reach worker threads, so each one
// registers tsx itself, as bin/gradlens.js does for the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./local-worker.ts');

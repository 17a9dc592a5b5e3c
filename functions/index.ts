/** Worker entry: the Hono app handles fetch. */
import { createApp } from './app.ts';

const app = createApp();

export default app;

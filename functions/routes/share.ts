/** GET /r/:id: the server-rendered share page of a stored result; unknown ids get a 404 page. */
import { Hono } from 'hono';
import { absoluteUrls } from '../compute/urls.ts';
import type { AppEnv } from '../env.ts';
import { notFoundPage, sharePage } from '../pages/share-page.ts';
import { findResult } from '../storage/results.ts';

export const shareRoutes = new Hono<AppEnv>().get('/r/:id', async (c) => {
  const id = c.req.param('id');
  const row = id.length <= 64 ? await findResult(c.env.DB, id, Date.now()) : undefined;
  if (!row) return c.html(notFoundPage(`Result ${id}`), 404);
  const doc = absoluteUrls(row.document, new URL(c.req.url).origin);
  c.header('Cache-Control', 'public, max-age=300');
  return c.html(sharePage(doc as unknown as Parameters<typeof sharePage>[0]));
});

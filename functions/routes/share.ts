/** GET /r/:id: the server-rendered share page of a stored result; unknown ids get a 404 page. */
import { Hono } from 'hono';
import { absoluteUrls } from '../compute/urls.ts';
import { edgeConfig } from '../config.ts';
import type { AppEnv } from '../env.ts';
import { notFoundPage, sharePage } from '../pages/share-page.ts';
import { resultDocument } from '../storage/result-document.ts';
import { findResult } from '../storage/results.ts';

export const shareRoutes = new Hono<AppEnv>().get('/r/:id', async (c) => {
  const id = c.req.param('id');
  const row = id.length <= 64 ? await findResult(c.env.DB, id, Date.now()) : undefined;
  if (!row) return c.html(notFoundPage(`Result ${id}`), 404);
  // og:url, og:image and the pictures are at the public origin, whatever Host the request named.
  const doc = absoluteUrls(resultDocument(row, row.computation), edgeConfig(c.env).publicOrigin);
  c.header('Cache-Control', 'public, max-age=300');
  return c.html(sharePage(doc as unknown as Parameters<typeof sharePage>[0]));
});

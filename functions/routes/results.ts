/**
 * Stored results: GET /results/:id, DELETE /results/:id (delete token), and their files. Files are
 * the computation's, shared by every result made from it, and served under each result's own id.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { absoluteUrls } from '../compute/urls.ts';
import { edgeConfig } from '../config.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../http/problem.ts';
import { ARTIFACT_NAME_PATTERN, getArtifact } from '../storage/artifacts.ts';
import { RESULT_ID_PATTERN } from '../storage/ids.ts';
import { resultDocument } from '../storage/result-document.ts';
import { deleteResult, findResult } from '../storage/results.ts';
import { ResultIdParams, problemResponses } from '../schemas/common.ts';
import { StoredResultSchema } from '../schemas/results.ts';

const get = createRoute({
  method: 'get',
  path: '/results/{id}',
  summary: 'A stored result',
  request: { params: ResultIdParams },
  responses: {
    200: { description: 'The result document', content: { 'application/json': { schema: StoredResultSchema } } },
    ...problemResponses([400, 404]),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/results/{id}',
  summary: 'Delete a stored result',
  description:
    'Send the `deleteToken` of the creating response as `Authorization: Bearer <token>`. Other results of identical requests are not affected; the files go with the last of them.',
  request: {
    params: ResultIdParams,
    headers: z.object({ authorization: z.string().optional().openapi({ example: 'Bearer <deleteToken>' }) }),
  },
  responses: { 204: { description: 'Deleted' }, ...problemResponses([400, 401, 403, 404]) },
});

function notFound(id: string): ProblemError {
  return new ProblemError(404, `No result ${id} (it may have expired or been deleted).`);
}

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw new ProblemError(401, 'Send the delete token as "Authorization: Bearer <token>".');
  return match[1];
}

export const resultRoutes = new OpenAPIHono<AppEnv>()
  .openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const row = await findResult(c.env.DB, id, Date.now());
    if (!row) throw notFound(id);
    const document = absoluteUrls(resultDocument(row, row.computation), edgeConfig(c.env).publicOrigin);
    return c.json(document as z.infer<typeof StoredResultSchema>, 200);
  })
  .openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    const outcome = await deleteResult(c.env.DB, c.env.ARTIFACTS, id, bearerToken(c.req.header('Authorization')), Date.now());
    if (outcome === 'not-found') throw notFound(id);
    if (outcome === 'forbidden') throw new ProblemError(403, 'The delete token does not match this result.');
    return c.body(null, 204);
  });

/** Artifact files (PNG, .npy); linked from the documents, not part of the OpenAPI operations. */
resultRoutes.get('/results/:id/files/:name{.+}', async (c) => {
  const { id, name } = c.req.param();
  if (!RESULT_ID_PATTERN.test(id) || !ARTIFACT_NAME_PATTERN.test(name)) throw notFound(id);
  const row = await findResult(c.env.DB, id, Date.now());
  const object = row ? await getArtifact(c.env.ARTIFACTS, row.computation.artifactPrefix, name) : null;
  if (!object) throw new ProblemError(404, `No file ${name} in result ${id}.`);
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set('ETag', object.httpEtag);
  headers.set('Content-Length', String(object.size));
  // A result's files never change; its URLs stop working when it is deleted or expires.
  headers.set('Cache-Control', 'public, max-age=3600');
  return new Response(object.body, { headers });
});

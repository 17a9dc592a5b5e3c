/**
 * The human-readable API page at /api, rendered from the same OpenAPI document as /api/v1/openapi.json,
 * plus the problem types that error responses link to (`type: "/api#problem-…"`).
 */
import { html } from 'hono/html';
import { PROBLEM_KINDS } from '../http/problem.ts';
import { page } from './layout.ts';

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string; enum?: unknown[] }; description?: string }[];
  requestBody?: { description?: string; content?: Record<string, unknown> };
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiLike {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, Operation>>;
}

const EXAMPLES = `curl -F image=@cat.png "$ORIGIN/api/v1/predict?topK=3"
curl -F image=@cat.png "$ORIGIN/api/v1/saliency?class=top&method=smoothgrad&samples=16"
curl -H 'Content-Type: image/png' --data-binary @cat.png "$ORIGIN/api/v1/adversarial?epsilon=2"
curl -X DELETE -H "Authorization: Bearer $DELETE_TOKEN" "$ORIGIN/api/v1/results/$ID"`;

function parameterText(p: NonNullable<Operation['parameters']>[number]) {
  const type = p.schema?.enum ? p.schema.enum.join(' | ') : (p.schema?.type ?? '');
  return html`<li><code>${p.name}</code> (${p.in}${p.required ? ', required' : ''}) ${type}${p.description ? html` — ${p.description}` : ''}</li>`;
}

function operationSection(path: string, method: string, op: Operation) {
  const statuses = Object.entries(op.responses ?? {}).map(([s, r]) => html`<code>${s}</code> ${r.description ?? ''}; `);
  return html`<section>
<h3><code>${method.toUpperCase()} /api/v1${path}</code></h3>
<p>${op.summary ?? ''}${op.description ? html` ${op.description}` : ''}</p>
${op.parameters?.length ? html`<ul>${op.parameters.map(parameterText)}</ul>` : ''}
${op.requestBody ? html`<p>Body: ${op.requestBody.description ?? ''} (${Object.keys(op.requestBody.content ?? {}).join(', ')})</p>` : ''}
<p>Responses: ${statuses}</p>
</section>`;
}

export function apiPage(doc: OpenApiLike) {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => operationSection(path, method, op)),
  );
  const problems = Object.entries(PROBLEM_KINDS).map(
    ([status, kind]) => html`<li id="problem-${kind.slug}"><code>${status}</code> ${kind.title}</li>`,
  );
  return page(
    { title: 'gradlens API', description: 'Saliency maps, predictions and single-step adversarial examples over HTTP.' },
    html`<h1>${doc.info.title} <small>${doc.info.version}</small></h1>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). CORS is open; every response has an
<code>X-Request-Id</code>. Every compute request creates a result of its own (<code>201</code>, <code>Location</code>, its
own <code>deleteToken</code>); identical requests (same image bytes, model and parameters) share one computation,
and the answer is the same as for a fresh one. Send <code>Cache-Control: no-cache</code> to compute afresh.</p>
<pre>${EXAMPLES}</pre>
<h2>Operations</h2>
${operations}
<h2>Problems</h2>
<p>Errors are <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>, <code>status</code>,
<code>detail</code>, and <code>requestId</code>; often a <code>hint</code>.</p>
<ul>${problems}</ul>`,
  );
}

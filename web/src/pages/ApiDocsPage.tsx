import { useEffect, useState } from 'preact/hooks';
import { Message } from '../components/Message.tsx';
import type { UserMessage } from '../state/app.ts';
import { toUserMessage } from '../state/messages.ts';
import { api } from '../api/client.ts';
import { operationsOf, type OpenApiDocument } from '../lib/openapi.ts';

/** The HTTP API, rendered from the server's own OpenAPI document so it never drifts. */
export function ApiDocsPage() {
  const [doc, setDoc] = useState<OpenApiDocument | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  useEffect(() => {
    api.get<OpenApiDocument>('/openapi.json').then(setDoc, (e) => setError(toUserMessage(e)));
  }, []);
  const operations = doc ? operationsOf(doc) : [];
  return (
    <div class="page">
      <h1>{doc?.info?.title ?? 'HTTP API'}</h1>
      {doc?.info?.description ? <p class="lead">{doc.info.description}</p> : null}
      <p>
        Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      <Message message={error} />
      {!doc && !error ? <p role="status">Loading…</p> : null}
      {operations.map((op) => (
        <section key={op.method + op.path} class="operation" id={op.anchor}>
          <h2>
            <span class={`method method-${op.method}`}>{op.method.toUpperCase()}</span> <code>{op.path}</code>
          </h2>
          {op.summary ? <p>{op.summary}</p> : null}
          {op.description ? <p class="muted">{op.description}</p> : null}
          {op.parameters.length > 0 ? (
            <table>
              <caption class="visually-hidden">Parameters</caption>
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">In</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={p.in + p.name}>
                    <td>
                      <code>{p.name}</code>
                      {p.required ? ' *' : ''}
                    </td>
                    <td>{p.in}</td>
                    <td>{p.description ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {op.requestTypes.length > 0 ? <p>Request body: {op.requestTypes.join(', ')}</p> : null}
          <p>Responses: {op.responses.map((r) => `${r.status} ${r.description}`).join(' · ')}</p>
        </section>
      ))}
    </div>
  );
}

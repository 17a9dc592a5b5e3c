import { useEffect, useState } from 'preact/hooks';
import { fetchResult, type ApiDocument } from '../api/results.ts';
import { Message } from '../components/Message.tsx';
import { ResultDocument } from '../components/ResultDocument.tsx';
import type { UserMessage } from '../state/app.ts';
import { toUserMessage } from '../state/messages.ts';

/** A result stored by the API (`GET /api/v1/results/:id`), e.g. reached from a share link. */
export function ResultPage({ id }: { id: string }) {
  const [document, setDocument] = useState<ApiDocument | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  useEffect(() => {
    setDocument(null);
    setError(null);
    fetchResult(id).then(setDocument, (e) => setError(toUserMessage(e)));
  }, [id]);
  return (
    <div class="page">
      <h1>Shared result</h1>
      <p class="muted">
        Result <code>{id}</code>
      </p>
      <Message message={error} />
      {document ? <ResultDocument document={document} /> : error ? null : <p role="status">Loading…</p>}
    </div>
  );
}

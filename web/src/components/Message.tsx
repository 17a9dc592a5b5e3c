import type { UserMessage } from '../state/app.ts';

/** A readable error with its hint; announced to screen readers. */
export function Message({ message, kind = 'error' }: { message: UserMessage | null; kind?: 'error' | 'info' }) {
  if (!message) return null;
  return (
    <div class={`message message-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-code={message.code}>
      <strong>{message.message}</strong>
      {message.hint ? <p>{message.hint}</p> : null}
    </div>
  );
}

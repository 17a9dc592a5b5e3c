import { useState } from 'preact/hooks';
import type { SaliencyState } from '../state/app.ts';
import { Message } from './Message.tsx';

/** The share button's outcome: a copyable link, or why it failed. */
export function SharePanel({ share, onShare, disabled }: { share: SaliencyState['share']; onShare(): void; disabled: boolean }) {
  const [copied, setCopied] = useState(false);
  const url = share.url ? new URL(share.url, location.href).href : '';
  return (
    <div class="share">
      <button type="button" onClick={onShare} disabled={disabled || share.status === 'sharing'} data-testid="share">
        {share.status === 'sharing' ? 'Sharing…' : 'Share'}
      </button>
      {url ? (
        <span class="share-link">
          <label for="share-url" class="visually-hidden">
            Share link
          </label>
          <input id="share-url" readOnly value={url} data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            onClick={() => navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
          <a href={url} target="_blank" rel="noopener">
            Open
          </a>
        </span>
      ) : null}
      <Message message={share.error ?? null} />
    </div>
  );
}

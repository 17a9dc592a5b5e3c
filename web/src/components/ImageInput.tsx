import { useEffect, useState } from 'preact/hooks';
import { appStore } from '../state/app.ts';
import type { FitMode } from '../../../core/image/fit-image.ts';
import { loadSamples, setInputFit, setInputFromFile, setInputFromSample, type Sample } from '../state/input.ts';
import { useSelector } from '../state/store.ts';
import { ImageCanvas } from './ImageCanvas.tsx';
import { Message } from './Message.tsx';

/** Upload, drag-and-drop, paste and samples: all end in `setInputFromFile`. */
export function ImageInput() {
  const input = useSelector(appStore, (s) => s.input);
  const error = useSelector(appStore, (s) => s.inputError);
  const busy = useSelector(appStore, (s) => s.inputBusy);
  const fit = useSelector(appStore, (s) => s.inputFit);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    loadSamples().then(setSamples);
    const onPaste = (event: ClipboardEvent) => {
      const file = [...(event.clipboardData?.files ?? [])][0];
      if (file) {
        event.preventDefault();
        void setInputFromFile(file, file.name || 'pasted image');
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) void setInputFromFile(file, file.name);
  };

  return (
    <section class="image-input" aria-label="Input image">
      <div
        class={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          // Leaving for a child of the zone is not leaving the zone.
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        aria-busy={busy}
        data-testid="dropzone"
      >
        <ImageCanvas image={input?.image ?? null} label={input ? `Input: ${input.name}` : 'No image yet'} testId="input-canvas" />
        <div class="input-controls">
          {/* The input comes first so its keyboard focus can be drawn on the visible label (`+` selector). */}
          <input
            id="image-file"
            class="visually-hidden"
            type="file"
            accept="image/*"
            data-testid="file-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void setInputFromFile(file, file.name);
              e.currentTarget.value = '';
            }}
          />
          <label class="button" for="image-file">
            Choose image…
          </label>
          <p class="muted">or drop a file here, or paste one (Ctrl/⌘ V)</p>
          <label>
            Fit to square
            <select value={fit} data-testid="fit-mode" onChange={(e) => void setInputFit(e.currentTarget.value as FitMode)}>
              <option value="squash">Squash (whole image, stretched)</option>
              <option value="center-crop">Center crop (true shapes, edges cut)</option>
            </select>
          </label>
          {samples.length > 0 ? (
            <label>
              Sample
              <select
                value=""
                onChange={(e) => {
                  const sample = samples[Number(e.currentTarget.value)];
                  if (sample) void setInputFromSample(sample);
                }}
              >
                <option value="">Pick a sample…</option>
                {samples.map((s, i) => (
                  <option key={s.url} value={String(i)}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {/* Always rendered, so the text appearing never moves the layout. */}
          <p class="muted status-line" role="status" data-testid="input-info">
            {busy ? 'Reading image…' : input ? `${input.originalWidth}×${input.originalHeight} → ${input.image.width}×${input.image.height} (${input.fit === 'squash' ? 'squashed' : 'center crop'})` : ''}
          </p>
        </div>
      </div>
      <Message message={error} />
    </section>
  );
}

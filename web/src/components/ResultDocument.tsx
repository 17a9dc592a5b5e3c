import { documentImages, documentPredictions, type ApiDocument } from '../api/results.ts';
import { PredictionBars } from './PredictionBars.tsx';
import { formatNumber } from '../lib/format.ts';

/** A stored result as the server rendered it: predictions and the images it links to. */
export function ResultDocument({ document }: { document: ApiDocument }) {
  const predictions = documentPredictions(document);
  const after = documentPredictions(document, 'after');
  const images = documentImages(document);
  const report = document.report as { success: boolean; l2: number; linf: number; psnr: number | null; survives8bit: boolean } | undefined;
  return (
    <article class="result-document" data-testid="result-document">
      <p class="muted">
        {document.kind ? `${document.kind} result` : 'Result'}
        {typeof document.model === 'string' ? ` · ${document.model}` : ''}
        {typeof document.createdAt === 'string' ? ` · ${new Date(document.createdAt).toLocaleString()}` : ''}
      </p>
      {report ? (
        <dl class="report">
          <dt>Success</dt>
          <dd>{report.success ? 'yes' : 'no'}</dd>
          <dt>L2 · L∞ · PSNR</dt>
          <dd>
            {formatNumber(report.l2)} · {formatNumber(report.linf)} · {report.psnr === null ? '∞' : `${formatNumber(report.psnr)} dB`}
          </dd>
          <dt>Survives 8-bit PNG</dt>
          <dd>{report.survives8bit ? 'yes' : 'no'}</dd>
        </dl>
      ) : null}
      {predictions.length > 0 ? <PredictionBars predictions={predictions} /> : null}
      {after.length > 0 ? <PredictionBars predictions={after} title="After the attack" /> : null}
      <div class="map-grid">
        {images.map((image) => (
          <figure key={image.url} class="image-box">
            <img src={image.url} alt={image.label} width={224} height={224} loading="lazy" />
            <figcaption>{image.label}</figcaption>
          </figure>
        ))}
      </div>
    </article>
  );
}

import type { AttackReport } from '../worker/protocol.ts';
import { formatNumber, formatPercent } from '../lib/format.ts';
import { downloadBlob, pngBlob } from '../image/pixels.ts';
import { ImageCanvas } from './ImageCanvas.tsx';
import { PredictionBars } from './PredictionBars.tsx';
import type { RgbImage } from '../../../core/types.ts';

/** Original, adversarial and magnified difference side by side, with the attack's numbers. */
export function AttackReportView({ report, original }: { report: AttackReport | null; original: RgbImage | null }) {
  return (
    <section class="attack-report" aria-label="Attack result">
      <div class="image-row">
        <ImageCanvas image={original} label="Original" />
        <ImageCanvas image={report?.adversarial ?? null} label="Adversarial" testId="adversarial-canvas" />
        <ImageCanvas image={report?.difference ?? null} label="Difference ×10" />
      </div>
      {report ? (
        <>
          <dl class="report" data-testid="attack-report" data-success={String(report.success)}>
            <dt>Success</dt>
            <dd>{report.success ? 'yes' : 'no'}</dd>
            <dt>Steps</dt>
            <dd>{report.steps}</dd>
            {report.targetProbabilityAfter !== undefined ? (
              <>
                <dt>Target probability</dt>
                <dd>
                  {formatPercent(report.targetProbabilityBefore ?? NaN)} → {formatPercent(report.targetProbabilityAfter)}
                </dd>
              </>
            ) : null}
            <dt>L2</dt>
            <dd>{formatNumber(report.l2)}</dd>
            <dt>L∞</dt>
            <dd>{formatNumber(report.linf)}</dd>
            <dt>PSNR</dt>
            <dd>{formatNumber(report.psnr)} dB</dd>
            <dt>Survives 8-bit PNG</dt>
            <dd>{report.survives8bit ? 'yes' : 'no'}</dd>
          </dl>
          <div class="two-up">
            <PredictionBars predictions={report.before} title="Before" />
            <PredictionBars predictions={report.after} title="After" />
          </div>
          <button type="button" onClick={() => void pngBlob(report.adversarial).then((b) => downloadBlob(b, 'adversarial.png'))}>
            Download adversarial PNG
          </button>
        </>
      ) : null}
    </section>
  );
}

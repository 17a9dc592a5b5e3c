import { useEffect } from 'preact/hooks';
import { IMAGENET_CLASSES } from '../../../models/imagenet-classes.ts';
import { AttackReportView } from '../components/AttackReportView.tsx';
import { ClassPicker } from '../components/ClassPicker.tsx';
import { ImageInput } from '../components/ImageInput.tsx';
import { Message } from '../components/Message.tsx';
import { ResultDocument } from '../components/ResultDocument.tsx';
import { ProbabilityCurve } from '../components/ProbabilityCurve.tsx';
import { runAttack, stopAttack } from '../state/adversarial.ts';
import { appStore, patch, type AdversarialState } from '../state/app.ts';
import { ensureEngine } from '../state/engine.ts';
import { useSelector } from '../state/store.ts';
import { formatPercent } from '../lib/format.ts';

const set = (update: Partial<AdversarialState>) => patch('adversarial', update);

export function AdversarialPage() {
  const a = useSelector(appStore, (s) => s.adversarial);
  const input = useSelector(appStore, (s) => s.input);
  useEffect(() => void ensureEngine().catch(() => undefined), []);
  const last = a.steps[a.steps.length - 1];
  const canRun = !a.running && (input !== null || (a.mode === 'fool' && a.start === 'black'));

  return (
    <div class="page two-columns">
      <div class="column">
        <h1>Adversarial examples</h1>
        <p class="lead">Nudge the pixels along the gradient until the network sees a class that is not there.</p>
        <ImageInput />
        <form
          class="controls"
          onSubmit={(e) => {
            e.preventDefault();
            void runAttack();
          }}
        >
          <fieldset>
            <legend>Attack</legend>
            <label>
              <input type="radio" name="mode" checked={a.mode === 'fool'} onChange={() => set({ mode: 'fool' })} /> Iterative, targeted (in the browser)
            </label>
            <label>
              <input type="radio" name="mode" checked={a.mode === 'fgsm'} onChange={() => set({ mode: 'fgsm' })} /> FGSM, one step
            </label>
          </fieldset>
          {a.mode === 'fgsm' ? (
            <label>
              Direction
              <select value={a.fgsmTargeted ? 'towards' : 'away'} onChange={(e) => set({ fgsmTargeted: e.currentTarget.value === 'towards' })} data-testid="fgsm-direction">
                <option value="away">Away from the predicted class (untargeted)</option>
                <option value="towards">Towards a target class</option>
              </select>
            </label>
          ) : null}
          {a.mode === 'fool' || a.fgsmTargeted ? (
            <ClassPicker id="attack-target" label="Target class" value={a.target} onChange={(target) => set({ target })} />
          ) : null}
          {a.mode === 'fool' ? (
            <>
              <label>
                Start from
                <select value={a.start} onChange={(e) => set({ start: e.currentTarget.value as 'image' | 'black' })}>
                  <option value="image">The image</option>
                  <option value="black">A black image</option>
                </select>
              </label>
              <label>
                Step size <input type="number" min={0.1} max={10} step={0.1} value={a.lr} onChange={(e) => set({ lr: Number(e.currentTarget.value) })} />
              </label>
              <label>
                Max steps <input type="number" min={1} max={1000} value={a.maxSteps} onChange={(e) => set({ maxSteps: Number(e.currentTarget.value) })} />
              </label>
              <label class="checkbox">
                <input type="checkbox" checked={a.until8bit} onChange={(e) => set({ until8bit: e.currentTarget.checked })} data-testid="until-8bit" /> Keep going until the
                saved 8-bit PNG fools the model too
              </label>
            </>
          ) : (
            <>
              <label>
                ε (of 255) <input type="number" min={0.5} max={32} step={0.5} value={a.epsilon255} onChange={(e) => set({ epsilon255: Number(e.currentTarget.value) })} />
              </label>
              <label>
                Compute
                <select value={a.where} onChange={(e) => set({ where: e.currentTarget.value as 'browser' | 'api' })}>
                  <option value="browser">In this browser</option>
                  <option value="api">On the server (API)</option>
                </select>
              </label>
            </>
          )}
          <div class="actions">
            <button type="submit" disabled={!canRun} data-testid="run-attack">
              {a.running ? 'Running…' : 'Run attack'}
            </button>
            <button type="button" onClick={stopAttack} disabled={!a.running} data-testid="stop-attack">
              Stop
            </button>
          </div>
        </form>
        <Message message={a.error} kind={a.error?.code === 'aborted' ? 'info' : 'error'} />
      </div>
      <div class="column results">
        <p class="step-counter" aria-live="polite" data-testid="attack-steps">
          {a.mode === 'fool'
            ? `Step ${last?.step ?? 0} of ${a.maxSteps} · P(${IMAGENET_CLASSES[a.target]}) = ${last ? formatPercent(last.targetProbability) : '–'} · top: ${last?.top.name ?? '–'}`
            : 'One step of size ε in the direction of the gradient’s sign.'}
        </p>
        {a.mode === 'fool' ? <ProbabilityCurve values={a.steps.map((s) => s.targetProbability)} label="Target probability per step" /> : null}
        {a.apiResult ? <ResultDocument document={a.apiResult} /> : null}
        <AttackReportView report={a.report} original={a.mode === 'fool' && a.start === 'black' ? null : (input?.image ?? null)} />
      </div>
    </div>
  );
}

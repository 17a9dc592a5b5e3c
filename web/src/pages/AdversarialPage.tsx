import { useEffect } from 'preact/hooks';
import { AttackReportView } from '../components/AttackReportView.tsx';
import { ClassPicker } from '../components/ClassPicker.tsx';
import { ImageInput } from '../components/ImageInput.tsx';
import { Message } from '../components/Message.tsx';
import { ResultDocument } from '../components/ResultDocument.tsx';
import { ProbabilityCurve } from '../components/ProbabilityCurve.tsx';
import { TransferReport } from '../components/TransferReport.tsx';
import { activeClassNames } from '../state/active-model.ts';
import { runAttack, stopAttack } from '../state/adversarial.ts';
import { appStore, patch, type AdversarialState } from '../state/app.ts';
import { ensureEngine } from '../state/engine.ts';
import { useSelector } from '../state/store.ts';
import { formatPercent } from '../lib/format.ts';
import { inputBounds } from '../lib/bounds.ts';

const set = (update: Partial<AdversarialState>) => patch('adversarial', update);
const attackBounds = (name: 'learningRate' | 'maxSteps' | 'epsilon') => inputBounds('attack', name);

export function AdversarialPage() {
  const a = useSelector(appStore, (s) => s.adversarial);
  const input = useSelector(appStore, (s) => s.input);
  const classNames = useSelector(appStore, activeClassNames);
  const options = useSelector(appStore, (s) => s.model.options);
  useEffect(() => void ensureEngine().catch(() => undefined), []);
  const last = a.steps[a.steps.length - 1];
  const canRun = !a.running && (input !== null || (a.attack === 'fool' && a.black));

  return (
    <div class="page two-columns">
      <div class="column">
        <h1>Adversarial examples</h1>
        <p class="lead">Nudge the pixels along the gradient until the network sees a class that is not there.</p>
        <ImageInput />
        <form
          class="controls"
          // Out-of-range values reach the core, which words them as the CLI and the API do.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void runAttack();
          }}
        >
          <fieldset>
            <legend>Attack</legend>
            <label>
              <input type="radio" name="attack" checked={a.attack === 'fool'} onChange={() => set({ attack: 'fool' })} /> Iterative, targeted (in the browser)
            </label>
            <label>
              <input type="radio" name="attack" checked={a.attack === 'fgsm'} onChange={() => set({ attack: 'fgsm' })} /> FGSM, one step
            </label>
          </fieldset>
          {a.attack === 'fgsm' ? (
            <label>
              Direction
              <select value={a.fgsmTargeted ? 'towards' : 'away'} onChange={(e) => set({ fgsmTargeted: e.currentTarget.value === 'towards' })} data-testid="fgsm-direction">
                <option value="away">Away from the predicted class (untargeted)</option>
                <option value="towards">Towards a target class</option>
              </select>
            </label>
          ) : null}
          {a.attack === 'fool' || a.fgsmTargeted ? (
            <ClassPicker id="attack-target" label="Target class" value={a.target} onChange={(target) => set({ target })} />
          ) : null}
          {a.attack === 'fool' ? (
            <>
              <label>
                Start from
                <select value={a.black ? 'black' : 'image'} onChange={(e) => set({ black: e.currentTarget.value === 'black' })}>
                  <option value="image">The image</option>
                  <option value="black">A black image</option>
                </select>
              </label>
              <label>
                Step size <input type="number" {...attackBounds('learningRate')} step="any" value={a.learningRate} onChange={(e) => set({ learningRate: Number(e.currentTarget.value) })} />
              </label>
              <label>
                Max steps <input type="number" {...attackBounds('maxSteps')} value={a.maxSteps} onChange={(e) => set({ maxSteps: Number(e.currentTarget.value) })} />
              </label>
              <label class="checkbox">
                <input type="checkbox" checked={a.until8bit} onChange={(e) => set({ until8bit: e.currentTarget.checked })} data-testid="until-8bit" /> Keep going until the
                saved 8-bit PNG fools the model too
              </label>
            </>
          ) : (
            <>
              <label>
                ε (of 255) <input type="number" {...attackBounds('epsilon')} step={0.5} value={a.epsilon} onChange={(e) => set({ epsilon: Number(e.currentTarget.value) })} />
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
          {a.attack === 'fool' || a.where === 'browser' ? (
            <label class="checkbox">
              <input type="checkbox" checked={a.transfer} onChange={(e) => set({ transfer: e.currentTarget.checked })} data-testid="check-transfer" /> Check the other
              models: does the saved image fool them too? (VGG16 only if it is loaded already)
            </label>
          ) : null}
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
          {a.attack === 'fool'
            ? `Step ${last?.step ?? 0} of ${a.maxSteps} · P(${classNames[a.target] ?? `#${a.target}`}) = ${last ? formatPercent(last.targetProbability) : '–'} · top: ${last?.top.name ?? '–'}`
            : 'One step of size ε in the direction of the gradient’s sign.'}
        </p>
        {a.attack === 'fool' ? <ProbabilityCurve values={a.steps.map((s) => s.targetProbability)} label="Target probability per step" /> : null}
        {a.apiResult ? <ResultDocument document={a.apiResult} /> : null}
        <AttackReportView report={a.report} original={a.attack === 'fool' && a.black ? null : (input?.image ?? null)} />
        {a.transferRunning ? <p class="muted" data-testid="transfer-running">Classifying the saved image with the other models…</p> : null}
        {a.transferResult && a.report ? <TransferReport result={a.transferResult} targeted={a.report.target !== null} options={options} /> : null}
      </div>
    </div>
  );
}

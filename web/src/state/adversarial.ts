/** Adversarial examples: the iterative targeted attack streams its steps; FGSM is one step. */
import { api } from '../api/client.ts';
import type { ApiDocument } from '../api/results.ts';
import { pngBlob } from '../image/pixels.ts';
import type { Job } from '../worker/client.ts';
import type { AttackReport, Jobs } from '../worker/protocol.ts';
import type { RgbImage } from '../../../core/types.ts';
import { appStore, patch, type AdversarialState } from './app.ts';
import { runJob } from './engine.ts';
import { isAborted, toUserMessage } from './messages.ts';
import { runTransfer } from './transfer.ts';

let running: Job<'fool'> | Job<'fgsm'> | null = null;

/** FGSM as the page asks for it: untargeted steps away from the predicted class, as on the CLI and the API. */
export function fgsmRequest(a: AdversarialState, image: RgbImage): Jobs['fgsm']['input'] {
  return { image, epsilon: a.epsilon, target: a.fgsmTargeted ? a.target : undefined };
}

export async function runAttack(): Promise<void> {
  const { input, adversarial: a } = appStore.get();
  if (a.running) return;
  if (!input && !(a.attack === 'fool' && a.black)) return;
  patch('adversarial', { running: true, steps: [], report: null, apiResult: null, error: null, transferResult: null });
  try {
    let report: AttackReport;
    if (a.attack === 'fgsm' && a.where === 'api') {
      const { epsilon, target } = fgsmRequest(a, input!.image);
      const apiResult = await api.postImage<ApiDocument>('/adversarial', await pngBlob(input!.image), {
        attack: 'fgsm', epsilon, model: appStore.get().model.id, ...(target === undefined ? {} : { target }),
      });
      patch('adversarial', { running: false, apiResult });
      return;
    } else if (a.attack === 'fgsm') {
      report = await runJob('fgsm', fgsmRequest(a, input!.image), undefined, (job) => (running = job));
    } else {
      const image = a.black ? null : input!.image;
      report = await runJob(
        'fool',
        { image, target: a.target, learningRate: a.learningRate, maxSteps: a.maxSteps, until8bit: a.until8bit },
        (step) => patch('adversarial', { steps: [...appStore.get().adversarial.steps, step] }),
        (job) => (running = job),
      );
    }
    patch('adversarial', { running: false, report });
    // The black start's original is a black image at the attacked model's size, as the core makes it.
    const original = a.black && a.attack === 'fool' ? blackImage(report.adversarial) : input!.image;
    if (a.transfer) await runTransfer(report, original);
  } catch (error) {
    patch('adversarial', { running: false, error: isAborted(error) ? { code: 'aborted', message: 'Stopped.' } : toUserMessage(error) });
  } finally {
    running = null;
  }
}

function blackImage({ width, height }: RgbImage): RgbImage {
  return { width, height, data: new Uint8Array(width * height * 3) };
}

export function stopAttack(): void {
  running?.cancel();
}

/** Saliency: computed in the worker by default, or by the API, which also stores it for sharing. */
import { api } from '../api/client.ts';
import { pngBlob } from '../image/pixels.ts';
import type { SaliencyOptions, SaliencyResult } from '../worker/protocol.ts';
import { appStore, patch, type SaliencyState } from './app.ts';
import { runJob } from './engine.ts';
import { toUserMessage } from './messages.ts';
import type { ApiSaliencyResponse } from '../api/results.ts';

export function saliencyOptions(state: SaliencyState): SaliencyOptions {
  // topK overrides class in the core and the API alike; only what was chosen is sent.
  const options: SaliencyOptions = state.topK === null ? { method: state.method, class: state.class } : { method: state.method, topK: state.topK };
  // The seed starts at the core's default, so the site's SmoothGrad map is the CLI's and the API's.
  if (state.method === 'smoothgrad') Object.assign(options, { samples: state.samples, noise: state.noise, seed: state.seed });
  if (state.method === 'integrated-gradients') options.steps = state.steps;
  return options;
}

/** The API's form fields for the same options: the vocabulary's names, so nothing is renamed on the way. */
export function saliencyFields(options: SaliencyOptions): Record<string, string | number | undefined> {
  return {
    class: options.class === undefined ? undefined : String(options.class),
    topK: options.topK,
    method: options.method,
    samples: options.samples,
    steps: options.steps,
    noise: options.noise,
    seed: options.seed,
  };
}

export async function runSaliency(): Promise<void> {
  const { input, saliency } = appStore.get();
  if (!input || saliency.running) return;
  const options = saliencyOptions(saliency);
  patch('saliency', { running: true, error: null, share: { status: 'idle' } });
  try {
    if (saliency.where === 'api') {
      const apiResult = await api.postImage<ApiSaliencyResponse>('/saliency', await pngBlob(input.image), { ...saliencyFields(options), model: appStore.get().model.id });
      const share: SaliencyState['share'] = apiResult.shareUrl ? { status: 'done', url: apiResult.shareUrl } : { status: 'idle' };
      patch('saliency', { running: false, result: null, apiResult, share });
    } else {
      const result: SaliencyResult = await runJob('saliency', { image: input.image, options });
      patch('saliency', { running: false, result, apiResult: null });
    }
  } catch (error) {
    patch('saliency', { running: false, error: toUserMessage(error) });
  }
}

/** Stores the current image and options through the API; the response carries the share link. */
export async function shareSaliency(): Promise<void> {
  const { input, saliency } = appStore.get();
  if (!input) return;
  patch('saliency', { share: { status: 'sharing' } });
  try {
    const options = saliencyOptions(saliency);
    const response = await api.postImage<ApiSaliencyResponse>('/saliency', await pngBlob(input.image), { ...saliencyFields(options), model: appStore.get().model.id });
    if (!response.shareUrl) throw new Error('The server stored the result but sent no share link.');
    patch('saliency', { share: { status: 'done', url: response.shareUrl } });
  } catch (error) {
    patch('saliency', { share: { status: 'error', error: toUserMessage(error) } });
  }
}

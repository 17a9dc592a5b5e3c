/** The image every page works on: from upload, drop, paste or the sample set. */
import type { FitMode } from '../../../core/image/fit-image.ts';
import { decodeInput, fitInput } from '../image/decode.ts';
import { DEFAULTS } from '../../../core/defaults.ts';
import { appStore, patch } from './app.ts';
import { activeInputSize } from './active-model.ts';
import { runJob } from './engine.ts';
import { toUserMessage } from './messages.ts';

export interface Sample {
  url: string;
  name: string;
  label?: number;
}

let latest = 0;

export async function setInputFromFile(blob: Blob, name: string): Promise<void> {
  const mine = ++latest;
  appStore.set({ inputBusy: true, inputError: null });
  try {
    const asked = appStore.get().inputFit;
    const size = activeInputSize(appStore.get());
    const decoded = await decodeInput(blob, asked, size);
    // The fit mode or the model may have changed while decoding: fit again rather than show a stale square.
    const fit = appStore.get().inputFit;
    const now = activeInputSize(appStore.get());
    const image = fit === asked && now === size ? decoded.image : await fitInput(decoded.source, fit, now);
    if (mine !== latest) return; // a newer file arrived meanwhile
    appStore.set({ input: { ...decoded, image, fit, name }, inputBusy: false });
    clearResults();
    void predictInput();
  } catch (error) {
    if (mine === latest) appStore.set({ inputError: toUserMessage(error), inputBusy: false });
  }
}

/** Changes how images become squares; the current image is refitted from its decoded pixels, not decoded again. */
export async function setInputFit(fit: FitMode): Promise<void> {
  appStore.set({ inputFit: fit });
  const input = appStore.get().input;
  if (!input || input.fit === fit) return;
  try {
    const image = await fitInput(input.source, fit, activeInputSize(appStore.get()));
    const now = appStore.get();
    // Another file or another fit arrived meanwhile: that one wins.
    if (now.input?.source !== input.source || now.inputFit !== fit) return;
    appStore.set({ input: { ...now.input, image, fit } });
    clearResults();
    void predictInput();
  } catch (error) {
    appStore.set({ inputError: toUserMessage(error) });
  }
}

/**
 * Another model is active: the current image is refitted to its input size from the decoded pixels,
 * and the results of the previous model are cleared; the new model predicts it.
 */
export async function refitInputForModel(): Promise<void> {
  const input = appStore.get().input;
  clearResults();
  if (!input) return;
  try {
    const size = activeInputSize(appStore.get());
    const image = input.image.width === size ? input.image : await fitInput(input.source, input.fit, size);
    const now = appStore.get();
    if (now.input?.source !== input.source || now.input.fit !== input.fit) return;
    appStore.set({ input: { ...now.input, image } });
    void predictInput();
  } catch (error) {
    appStore.set({ inputError: toUserMessage(error) });
  }
}

export async function setInputFromSample(sample: Sample): Promise<void> {
  try {
    const response = await fetch(sample.url);
    if (!response.ok) throw new Error(`The sample ${sample.name} is not available (HTTP ${response.status}).`);
    await setInputFromFile(await response.blob(), sample.name);
  } catch (error) {
    appStore.set({ inputError: toUserMessage(error) });
  }
}

/**
 * The predictions of the current square, as soon as it is set: cheap, and what a visitor looks at first.
 * A newer image wins; a failure is left to the engine's own message in the header.
 */
async function predictInput(): Promise<void> {
  const input = appStore.get().input;
  if (!input) return;
  try {
    const predictions = await runJob('predict', { image: input.image, topK: DEFAULTS.predict.topK });
    if (appStore.get().input?.image === input.image) appStore.set({ inputPredictions: predictions });
  } catch {
    // the engine reports why it cannot run; the maps' button still works once it can
  }
}

function clearResults(): void {
  appStore.set({ inputPredictions: null });
  patch('saliency', { result: null, apiResult: null, error: null, share: { status: 'idle' } });
  patch('adversarial', { report: null, steps: [], error: null, transferResult: null });
  patch('compare', { columns: null, error: null });
}

/** Reads `/samples/index.json` tolerantly: an array of entries or `{ samples: [...] }`. */
export function parseSampleIndex(json: unknown, base = '/samples/'): Sample[] {
  const list = Array.isArray(json) ? json : (json as { samples?: unknown })?.samples;
  if (!Array.isArray(list)) return [];
  const samples: Sample[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const entry = item as Record<string, unknown>;
    const file = [entry.url, entry.file, entry.path].find((v): v is string => typeof v === 'string');
    if (!file) continue;
    const url = /^(\/|https?:)/.test(file) ? file : base + file;
    const name = typeof entry.name === 'string' ? entry.name : file.replace(/^.*\//, '').replace(/\.\w+$/, '');
    const label = typeof entry.label === 'number' ? entry.label : undefined;
    samples.push(label === undefined ? { url, name } : { url, name, label });
  }
  return samples;
}

let samplesPromise: Promise<Sample[]> | null = null;

/** The sample set, or an empty list when the site was built without one. */
export function loadSamples(): Promise<Sample[]> {
  samplesPromise ??= fetch('/samples/index.json')
    .then((response) => (response.ok ? response.json() : []))
    .then((json) => parseSampleIndex(json))
    .catch(() => []);
  return samplesPromise;
}

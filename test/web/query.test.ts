import { describe, expect, it } from 'vitest';
import { initialState } from '../../web/src/state/app.ts';
import { queryFromSettings, settingsFromQuery } from '../../web/src/lib/query.ts';

const state = () => initialState({ name: 'saliency' });

describe('the site’s URL query', () => {
  it('is empty for the defaults: the defaults are the CLI’s and the API’s', () => {
    for (const page of ['saliency', 'adversarial', 'classviz'] as const) expect(queryFromSettings(page, state())).toBe('');
  });

  it('reads the vocabulary’s names into the page’s settings', () => {
    const { slices, problems } = settingsFromQuery('saliency', state(), '?method=smoothgrad&samples=50&noise=0.2&class=hay');
    expect(problems).toEqual([]);
    expect(slices.saliency).toMatchObject({ method: 'smoothgrad', samples: 50, noise: 0.2, class: 958, topK: null });
    expect(settingsFromQuery('saliency', state(), '?topK=4').slices.saliency.topK).toBe(4);
    const attack = settingsFromQuery('adversarial', state(), '?attack=fool&target=6&learningRate=2&until8bit=true&black=1').slices.adversarial;
    expect(attack).toMatchObject({ attack: 'fool', target: 6, learningRate: 2, until8bit: true, black: true });
  });

  it('takes the settings every page shares: fit, and the one model the site runs', () => {
    const { slices, problems } = settingsFromQuery('saliency', state(), '?fit=center-crop&model=squeezenet1_1&method=smoothgrad&seed=7');
    expect(problems).toEqual([]);
    expect(slices.inputFit).toBe('center-crop');
    expect(slices.saliency.seed).toBe(7);
    expect(queryFromSettings('saliency', slices)).toBe('?fit=center-crop&method=smoothgrad&seed=7');
    expect(settingsFromQuery('saliency', state(), '?model=vgg16').problems).toEqual(['model must be one of squeezenet1_1, got vgg16.']);
  });

  it('applies the preset before the settings that refine it', () => {
    const { slices } = settingsFromQuery('classviz', state(), '?l2=0.01&preset=normalized&class=1');
    expect(slices.classviz.settings).toMatchObject({ preset: 'normalized', iterations: 200, learningRate: 10, l2: 0.01, class: 1 });
    expect(queryFromSettings('classviz', slices)).toBe('?preset=normalized&class=1&l2=0.01');
  });

  it('round-trips what it writes', () => {
    const { slices } = settingsFromQuery('adversarial', state(), '?attack=fgsm&epsilon=4&target=8');
    const search = queryFromSettings('adversarial', slices);
    expect(search).toBe('?attack=fgsm&target=8&epsilon=4');
    expect(settingsFromQuery('adversarial', state(), search).slices.adversarial).toEqual(slices.adversarial);
  });

  it('refuses out-of-range values with the wording of the CLI and the API, and keeps the rest', () => {
    const { slices, problems } = settingsFromQuery('saliency', state(), '?method=smoothgrad&samples=500&zoom=2&class=no%20such');
    expect(slices.saliency.method).toBe('smoothgrad');
    expect(slices.saliency.samples).toBe(state().saliency.samples);
    expect(problems).toEqual([
      'samples must be a whole number from 1 to 200, got 500.',
      'zoom is not a setting of this page.',
      'class must be a class index (0–999) or an ImageNet class name, got no such.',
    ]);
  });
});

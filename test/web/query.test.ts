import { describe, expect, it } from 'vitest';
import { initialState } from '../../web/src/state/app.ts';
import { queryFromSettings, settingsFromQuery } from '../../web/src/lib/query.ts';
import { compareQuery, comparedModelsFromQuery } from '../../web/src/lib/compare-query.ts';

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

  it('takes the settings every page shares: fit, and the model', () => {
    const { slices, problems } = settingsFromQuery('saliency', state(), '?fit=center-crop&model=squeezenet1_1&method=smoothgrad&seed=7');
    expect(problems).toEqual([]);
    expect(slices.inputFit).toBe('center-crop');
    expect(slices.saliency.seed).toBe(7);
    expect(queryFromSettings('saliency', slices)).toBe('?fit=center-crop&method=smoothgrad&seed=7');
    // Any prepared model, and the link keeps it on every page.
    const other = settingsFromQuery('classviz', state(), '?model=squeezenet1_0').slices;
    expect(other.model.id).toBe('squeezenet1_0');
    for (const page of ['saliency', 'adversarial', 'classviz'] as const) expect(queryFromSettings(page, other)).toBe('?model=squeezenet1_0');
  });

  it('checks the model against the server’s list when it is known, and its form before', () => {
    const prepared = ['squeezenet1_1', 'squeezenet1_0'];
    expect(settingsFromQuery('saliency', state(), '?model=vgg16', prepared).problems).toEqual(['model must be one of squeezenet1_1, squeezenet1_0, got vgg16.']);
    expect(settingsFromQuery('saliency', state(), '?model=my-import.v2').slices.model.id).toBe('my-import.v2');
    expect(settingsFromQuery('saliency', state(), '?model=../etc').problems).toEqual(['model must be a model id such as squeezenet1_1, got ../etc.']);
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

  it('keeps the compare view’s models as repeated model=, in column order', () => {
    expect(comparedModelsFromQuery('?model=squeezenet1_1&model=squeezenet1_0&fit=center-crop')).toEqual({ ids: ['squeezenet1_1', 'squeezenet1_0'], fit: 'center-crop', problems: [] });
    expect(compareQuery(['squeezenet1_0', 'squeezenet1_1'], 'squash')).toBe('?model=squeezenet1_0&model=squeezenet1_1');
    expect(comparedModelsFromQuery('?model=a&model=b&model=c&model=d').problems).toEqual(['At most 3 models side by side, got 4.']);
  });
});

import { describe, expect, it } from 'vitest';
import { rerunLink } from '../../functions/pages/share-page.ts';
import { settingsFromQuery } from '../../web/src/lib/query.ts';
import { initialState } from '../../web/src/state/app.ts';

describe('the share page’s “run it on your own image” link', () => {
  it('opens the site page with the stored parameters, which the site reads without a complaint', () => {
    const saliency = rerunLink({ kind: 'saliency', parameters: { model: 'squeezenet1_1', method: 'smoothgrad', samples: 8, seed: 3, fit: 'center-crop' } });
    expect(saliency).toBe('/saliency?method=smoothgrad&samples=8&seed=3&fit=center-crop');
    const read = settingsFromQuery('saliency', initialState({ name: 'saliency' }), saliency.split('?')[1]);
    expect(read.problems).toEqual([]);
    expect(read.slices.saliency).toMatchObject({ method: 'smoothgrad', samples: 8, seed: 3 });
    expect(read.slices.inputFit).toBe('center-crop');
  });

  it('turns the API’s attacks into the site’s: FGSM as it is, a normalized step as the iterative attack', () => {
    expect(rerunLink({ kind: 'adversarial', parameters: { model: 'squeezenet1_1', epsilon: 4 } })).toBe('/adversarial?attack=fgsm&epsilon=4');
    const step = rerunLink({ kind: 'adversarial', parameters: { attack: 'normalized-step', target: '6', lr: 2 } });
    expect(step).toBe('/adversarial?attack=fool&target=6&learningRate=2');
    const read = settingsFromQuery('adversarial', initialState({ name: 'adversarial' }), step.split('?')[1]);
    expect(read.problems).toEqual([]);
    expect(read.slices.adversarial).toMatchObject({ attack: 'fool', target: 6, learningRate: 2 });
    expect(rerunLink({ kind: 'predict', parameters: { model: 'squeezenet1_1', topK: 5 } })).toBe('/saliency');
  });
});

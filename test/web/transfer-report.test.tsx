import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TransferReport } from '../../web/src/components/TransferReport.tsx';
import type { TransferOutput } from '../../web/src/worker/protocol.ts';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const hay = { index: 958, name: 'hay', probability: 0.9, score: 20 };
const stingray = { index: 6, name: 'stingray', probability: 0.6, score: 15 };
const bison = { index: 347, name: 'bison', probability: 0.5, score: 14 };

describe('TransferReport', () => {
  it('has one row per other model, judged by the target when the attack had one', async () => {
    const result: TransferOutput = {
      results: [
        { model: 'squeezenet1_0', modelName: 'SqueezeNet 1.0', before: hay, after: stingray, changed: true, reachedTarget: true },
        { model: 'other', modelName: 'Other', before: hay, after: bison, changed: true, reachedTarget: false },
      ],
      skipped: [{ modelId: 'vgg16', reason: 'not loaded: a large download' }],
    };
    await act(() => render(<TransferReport result={result} targeted options={null} />, root));
    const rows = [...root.querySelectorAll('[data-testid=transfer-row]')];
    expect(rows.map((r) => [r.getAttribute('data-model'), r.getAttribute('data-fooled')])).toEqual([['squeezenet1_0', 'true'], ['other', 'false']]);
    expect(rows[0].textContent).toContain('yes: it predicts the target');
    expect(rows[1].textContent).toContain('no: not the target');
    expect(root.querySelector('[data-testid=transfer-skipped]')!.textContent).toBe('vgg16 not checked: not loaded: a large download.');
  });

  it('judges an untargeted attack by a changed prediction', async () => {
    const result: TransferOutput = { results: [{ model: 'm', modelName: 'M', before: hay, after: bison, changed: true, reachedTarget: null }], skipped: [] };
    await act(() => render(<TransferReport result={result} targeted={false} options={null} />, root));
    expect(root.querySelector('[data-testid=transfer-row]')!.getAttribute('data-fooled')).toBe('true');
    expect(root.textContent).toContain('yes: its prediction changed');
  });
});

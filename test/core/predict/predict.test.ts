import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../../cli/wasm-backend.ts';
import { predict } from '../../../core/predict/predict.ts';
import { analyticModel } from '../../helpers/analytic-model.ts';

beforeAll(useWasmBackend);

const image = { width: 2, height: 2, data: Uint8Array.from([60, 120, 80, 140, 90, 100, 70, 110, 130, 100, 150, 90]) };

describe('predict', () => {
  it('gives every class when asked for all of them, best first', async () => {
    const predictions = await predict(analyticModel(), image, 3);
    expect(predictions.map((p) => p.index)).toEqual([0, 2, 1]);
    expect(predictions.reduce((sum, p) => sum + p.probability, 0)).toBeCloseTo(1, 10);
  });

  it.each([0, -1, 2.5, 4, Number.NaN])('refuses topK %s instead of returning one, none or fewer', async (topK) => {
    await expect(predict(analyticModel(), image, topK)).rejects.toMatchObject({ code: 'options/invalid' });
  });

  it('refuses an image that is not at model resolution', async () => {
    await expect(predict(analyticModel(), { width: 4, height: 1, data: new Uint8Array(12) })).rejects.toMatchObject({ code: 'options/invalid' });
  });
});

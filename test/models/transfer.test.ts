import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeModel } from '../../cli/node-model.ts';
import { fgsm } from '../../core/adversarial/fgsm.ts';
import { fool } from '../../core/adversarial/fool.ts';
import { transferTo } from '../../core/adversarial/transfer.ts';
import { fitImage } from '../../core/image/fit-image.ts';
import type { Classifier } from '../../core/model.ts';
import { predict } from '../../core/predict/predict.ts';
import { sampleImage } from '../helpers/real-model.ts';

let squeezenet11: Classifier;
let squeezenet10: Classifier;

beforeAll(async () => {
  squeezenet11 = await loadNodeModel('squeezenet1_1');
  squeezenet10 = await loadNodeModel('squeezenet1_0');
});

describe('transfer of an attack to other models', () => {
  it('on the attacked model itself, gives the report’s own verdict for the saved 8-bit image', async () => {
    const hay = sampleImage('00_hay');
    const report = await fgsm(squeezenet11, hay);
    const [self] = await transferTo([squeezenet11], hay, report.adversarial, null);
    expect(self.model).toBe('squeezenet1_1');
    expect(self.before.index).toBe(958);
    expect(self.after.index).toBe(report.after8bit[0].index);
    expect(self.changed).toBe(report.after8bit[0].index !== 958);
    expect(self.reachedTarget).toBeNull();
  });

  it('classifies the original and the adversarial image through the other model’s own input (227×227 for SqueezeNet 1.0)', async () => {
    const hay = sampleImage('00_hay');
    const report = await fool(squeezenet11, hay, { target: 'stingray' });
    expect(report.success).toBe(true);
    const [other] = await transferTo([squeezenet10], hay, report.adversarial, report.target);
    expect(other.model).toBe('squeezenet1_0');
    const before = await predict(squeezenet10, fitImage(hay, 227), 1);
    const after = await predict(squeezenet10, fitImage(report.adversarial, 227), 1);
    expect(other.before).toEqual(before[0]);
    expect(other.after).toEqual(after[0]);
    expect(other.changed).toBe(before[0].index !== after[0].index);
    expect(other.reachedTarget).toBe(after[0].index === 6);
  });
});

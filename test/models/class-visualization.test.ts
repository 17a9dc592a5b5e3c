import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeModel } from '../../cli/node-model.ts';
import { classVisualization } from '../../core/classviz/class-visualization.ts';
import type { Classifier } from '../../core/model.ts';
import { predict } from '../../core/predict/predict.ts';

let model: Classifier;
beforeAll(async () => {
  model = await loadNodeModel('squeezenet1_1');
});

describe('class visualization with the CS231n preset on the real model', () => {
  it.each([
    [76, 'tarantula'],
    [130, 'flamingo'],
    [366, 'gorilla'],
  ])('makes class %i (%s) the top-1 class of the final 8-bit image (seed 0)', async (index, name) => {
    const result = await classVisualization(model, { class: index, preset: 'cs231n', seed: 0 });
    expect(result.class).toEqual({ index, name });
    expect(result.steps).toBe(100);
    const [top] = await predict(model, result.image, 1);
    expect(top.index).toBe(index);
    expect(result.probability).toBeGreaterThan(0.5);
  });
});

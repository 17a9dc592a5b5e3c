/**
 * The core of `gradlens compare` on the real SqueezeNet 1.1 and 1.0: each column equals the model run
 * alone (its own fitted input, `saliencyMaps` with the defaults), and every model it loaded is disposed
 * before the next one is loaded, leaving no tensor behind.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { loadNodeModel } from '../../cli/node-model.ts';
import { compareModels } from '../../core/compare/compare-models.ts';
import { modelImage } from '../../core/image/model-image.ts';
import type { Classifier } from '../../core/model.ts';
import { saliencyMaps } from '../../core/saliency/saliency-maps.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const bytes = new Uint8Array(readFileSync(sharedDir('data/imagenet_val_25/04_brown_bear.png')));
const IDS = ['squeezenet1_1', 'squeezenet1_0'];

describe('compareModels', () => {
  it('gives per model exactly what the model gives alone', async () => {
    const columns = await compareModels(bytes, IDS, loadNodeModel, 'center-crop');
    for (const [i, id] of IDS.entries()) {
      const model = await loadNodeModel(id);
      const image = modelImage(bytes, model.info.inputSize, 'center-crop').image;
      const alone = await saliencyMaps(model, image);
      model.dispose();
      expect(columns[i].model).toEqual({ id, name: model.info.name, inputSize: model.info.inputSize });
      expect(columns[i].image).toEqual(image);
      expect(columns[i].predictions).toEqual(alone.predictions);
      expect(columns[i].map).toEqual(alone.maps[0]);
    }
  });

  it('loads one model at a time and disposes each, leaving no tensors', async () => {
    await loadNodeModel(IDS[0]).then((m) => m.dispose()); // the backend's own first tensors
    const before = tf.memory().numTensors;
    const events: string[] = [];
    const load = async (id: string): Promise<Classifier> => {
      events.push(`load ${id}`);
      const model = await loadNodeModel(id);
      return {
        ...model,
        dispose: () => {
          events.push(`dispose ${id}`);
          model.dispose();
        },
      };
    };
    await compareModels(bytes, IDS, load);
    expect(events).toEqual(['load squeezenet1_1', 'dispose squeezenet1_1', 'load squeezenet1_0', 'dispose squeezenet1_0']);
    expect(tf.memory().numTensors).toBe(before);
  });
});

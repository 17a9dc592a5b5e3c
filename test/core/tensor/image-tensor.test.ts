import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../../cli/wasm-backend.ts';
import { clampToImage } from '../../../core/classviz/clamp-to-image.ts';
import { denormalize, inputBounds, normalize } from '../../../core/tensor/image-tensor.ts';
import { modelInfo } from '../../../models/registry.ts';

beforeAll(useWasmBackend);

/** Every 8-bit level in every channel: [1, 16, 16, 3], pixel (y, x) = level 16y + x in R, G and B alike. */
const allLevels = () => tf.tidy(() => tf.tile(tf.reshape(tf.range(0, 256, 1, 'float32'), [1, 16, 16, 1]), [1, 1, 1, 3]) as tf.Tensor4D);
const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('SqueezeNet 1.1 (torchvision preprocessing) keeps its numbers bit for bit', () => {
  const info = modelInfo('squeezenet1_1');
  const mean = [0.485, 0.456, 0.406];
  const std = [0.229, 0.224, 0.225];

  it('normalizes as (x/255 − mean)/std and back as (x·std + mean)·255, to the last bit', () => {
    const pixels = allLevels();
    const x = normalize(pixels, info);
    const former = tf.div(tf.sub(tf.div(pixels, 255), mean), std);
    expect(values(x)).toEqual(values(former));
    const back = denormalize(x, info);
    expect(values(back)).toEqual(values(tf.mul(tf.add(tf.mul(x, std), mean), 255)));
    tf.dispose([pixels, x, former, back]);
  });

  it('clamps class visualizations to −mean/std … (1 − mean)/std', () => {
    expect(inputBounds(info)).toEqual({ lo: mean.map((m, c) => -m / std[c]), hi: mean.map((m, c) => (1 - m) / std[c]) });
  });
});

describe('SqueezeNet 1.0 (Caffe preprocessing): BGR, pixel levels minus the mean pixel', () => {
  const info = modelInfo('squeezenet1_0');
  const [meanB, meanG, meanR] = [104.00694, 116.6685, 122.677246];
  const rgb = [10, 200, 30, 255, 0, 128]; // two pixels, RGB (10, 200, 30) and (255, 0, 128)
  const pixel = () => tf.tensor4d(rgb, [1, 1, 2, 3]);

  it('feeds B, G, R minus their means', () => {
    const x = tf.tidy(() => normalize(pixel(), info));
    const expected = [30 - meanB, 200 - meanG, 10 - meanR, 128 - meanB, 0 - meanG, 255 - meanR];
    values(x).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    x.dispose();
  });

  it('turns a normalized input back into the same RGB pixels', () => {
    const back = tf.tidy(() => denormalize(normalize(pixel(), info), info));
    values(back).forEach((v, i) => expect(v).toBeCloseTo(rgb[i], 4));
    back.dispose();
  });

  it('clamps per channel in its own order: black is −mean, white 255 − mean, B first', () => {
    expect(inputBounds(info)).toEqual({ lo: [-meanB, -meanG, -meanR], hi: [255 - meanB, 255 - meanG, 255 - meanR] });
    const x = tf.tensor4d([-500, -500, -500, 500, 500, 500], [1, 1, 2, 3]);
    const clamped = clampToImage(x, info);
    const pixels = denormalize(clamped, info);
    values(pixels).forEach((v, i) => expect(v).toBeCloseTo(i < 3 ? 0 : 255, 4));
    tf.dispose([x, clamped, pixels]);
  });
});

import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { channelHalves } from '../../models/layers/channel-halves.ts';

beforeAll(useWasmBackend);

describe('channel halves', () => {
  it.each([[1, 5, 7, 6], [3, 4, 4, 128]])('equals tf.split for shape [%i, %i, %i, %i]', (n, h, w, c) => {
    const x = tf.randomNormal([n, h, w, c], 0, 1, 'float32', 9) as tf.Tensor4D;
    const [a, b] = channelHalves(x);
    const [ra, rb] = tf.split(x, 2, 3);
    expect(Array.from(a.dataSync())).toEqual(Array.from(ra.dataSync()));
    expect(Array.from(b.dataSync())).toEqual(Array.from(rb.dataSync()));
    tf.dispose([x, a, b, ra, rb]);
  });
});

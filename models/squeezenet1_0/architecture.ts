import type { Layer } from '../layers/layer.ts';
import { conv } from '../layers/conv.ts';
import { fire } from '../layers/fire.ts';
import { globalAveragePool } from '../layers/global-average-pool.ts';
import { maxPool } from '../layers/max-pool.ts';

/**
 * SqueezeNet 1.0 (Iandola et al. 2016), the original Caffe layout: a 7×7 conv1 with 96 filters, pools
 * after conv1, fire4 and fire8 (ceil mode, as Caffe rounds), and conv10 padded by 1, so its border
 * outputs see only zeros and add relu(bias) to the average (Caffe's prototxt has pad: 1 there).
 * At 227 px: 111 → 55 → 27 → 13 → 15 after conv10.
 */
export function squeezenet10Layers(): Layer[] {
  return [
    conv('conv1', { stride: 2, pad: 0 }),
    maxPool('pool1'),
    fire('fire2'),
    fire('fire3'),
    fire('fire4'),
    maxPool('pool4'),
    fire('fire5'),
    fire('fire6'),
    fire('fire7'),
    fire('fire8'),
    maxPool('pool8'),
    fire('fire9'),
    conv('conv10', { stride: 1, pad: 1 }),
    globalAveragePool('scores'),
  ];
}

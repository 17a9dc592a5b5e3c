import type { Layer } from '../layers/layer.ts';
import { conv } from '../layers/conv.ts';
import { fire } from '../layers/fire.ts';
import { globalAveragePool } from '../layers/global-average-pool.ts';
import { maxPool } from '../layers/max-pool.ts';

/** SqueezeNet 1.1 (Iandola et al. 2016), torchvision layout: ceil-mode pools after conv1, fire3, fire5. */
export function squeezenet11Layers(): Layer[] {
  return [
    conv('conv1', { stride: 2, pad: 0 }),
    maxPool('pool1'),
    fire('fire2'),
    fire('fire3'),
    maxPool('pool3'),
    fire('fire4'),
    fire('fire5'),
    maxPool('pool5'),
    fire('fire6'),
    fire('fire7'),
    fire('fire8'),
    fire('fire9'),
    conv('conv10', { stride: 1, pad: 0 }),
    globalAveragePool('scores'),
  ];
}

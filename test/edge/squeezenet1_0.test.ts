/**
 * The second model through the API, in workerd: listed with its Caffe preprocessing, and run by
 * `model=squeezenet1_0` from the prepared weights the assets binding serves (web/public/models, as for
 * SqueezeNet 1.1). The numbers equal the core's on the same Worker.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { decodeImage, modelImage } from '../../core/image/index.ts';
import { predict } from '../../core/predict/predict.ts';
import { getClassifier } from '../../functions/runtime/models.ts';
import { bytesOf, fetchApi, parseNpy, postImage, reference } from './helpers.ts';

const ID = 'squeezenet1_0';

describe('SqueezeNet 1.0 through the API', () => {
  it('GET /api/v1/models lists it beside the default, at 227 px with BGR minus the mean pixel', async () => {
    const { models } = (await (await fetchApi('/api/v1/models')).json()) as { models: Record<string, unknown>[] };
    expect(models.map((m) => m.id)).toEqual(['squeezenet1_1', ID, 'vgg16']);
    expect(models[1]).toMatchObject({
      name: 'SqueezeNet 1.0',
      inputSize: 227,
      preprocessing: { channelOrder: 'bgr', scale: 1, mean: [104.00694, 116.6685, 122.677246], std: [1, 1, 1] },
      parameters: 1_248_424,
      classCount: 1000,
      default: false,
      runsOn: ['cli', 'site', 'api'],
      availableHere: true,
    });
  });

  it('POST /predict?model=squeezenet1_0: hay, with the core’s scores for the 227-px input', async () => {
    const image = reference('00_hay.png');
    const response = await postImage(`/api/v1/predict?model=${ID}`, image, { topK: '3' }, { 'Cache-Control': 'no-cache' });
    expect(response.status).toBe(201);
    const doc = (await response.json()) as { model: string; predictions: { index: number; score: number; probability: number }[] };
    expect(doc.model).toBe(ID);
    const model = await getClassifier(ID, env.ASSETS);
    const core = await predict(model, modelImage(image, 227).image, 3);
    expect(doc.predictions).toEqual(core);
    expect(doc.predictions[0].index).toBe(958);
  });

  it('POST /saliency and /adversarial with model=squeezenet1_0 give 227×227 maps and images', async () => {
    const image = reference('04_brown_bear.png');
    const saliency = (await (await postImage('/api/v1/saliency', image, { model: ID })).json()) as { class: { index: number }; maps: { rawUrl: string }[] };
    expect(saliency.class.index).toBe(294);
    expect(parseNpy(await bytesOf(saliency.maps[0].rawUrl)).shape).toEqual([227, 227]);
    // Not the bear: at p = 1.000 in float32 the cross-entropy gradient of its class is exactly 0, and FGSM moves nothing.
    const attack = await postImage('/api/v1/adversarial', reference('00_hay.png'), { model: ID, attack: 'fgsm', epsilon: '2' });
    expect(attack.status).toBe(201);
    const doc = (await attack.json()) as { report: { linf: number }; adversarialUrl: string };
    expect(doc.report.linf).toBe(2);
    const adversarial = decodeImage(await bytesOf(doc.adversarialUrl));
    expect([adversarial.width, adversarial.height]).toEqual([227, 227]);
  });
});

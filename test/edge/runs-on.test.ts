/**
 * Where each model runs, through the API in workerd: GET /api/v1/models says it (runsOn) and whether
 * this deployment computes with it; VGG16, whose weights do not fit a Worker, is refused on every
 * compute route with a 400 problem that says why and where it does run; imported models come from the
 * prepared models' index on the assets binding.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { MODEL_INDEX_FORMAT, type PreparedModel } from '../../models/model-index.ts';
import { EDGE_BUDGET_WHY } from '../../models/runs-on.ts';
import { listModels } from '../../functions/runtime/list-models.ts';
import { getClassifier } from '../../functions/runtime/models.ts';
import { requireApiModel } from '../../functions/runtime/require-api-model.ts';
import { ORIGIN, expectProblem, fetchApi, postImage, reference } from './helpers.ts';

interface Listed {
  id: string;
  runsOn: string[];
  prepared: boolean;
  availableHere: boolean;
  imported: boolean;
  classesUrl: string;
}

describe('GET /api/v1/models: where each model runs', () => {
  it('lists the three built-in models with runsOn, prepared and availableHere', async () => {
    const response = await fetchApi('/api/v1/models');
    expect(response.status).toBe(200);
    const { models } = (await response.json()) as { models: Listed[] };
    expect(models.map((m) => m.id)).toEqual(['squeezenet1_1', 'squeezenet1_0', 'vgg16']);
    for (const id of ['squeezenet1_1', 'squeezenet1_0']) {
      expect(models.find((m) => m.id === id)).toMatchObject({ runsOn: ['cli', 'site', 'api'], prepared: true, availableHere: true, imported: false });
    }
    const vgg16 = models.find((m) => m.id === 'vgg16')!;
    expect(vgg16).toMatchObject({ name: 'VGG16', inputSize: 224, parameters: 138_357_544, runsOn: ['cli', 'site'], availableHere: false, imported: false });
    expect(typeof vgg16.prepared).toBe('boolean');
    expect(vgg16.classesUrl).toBe(`${ORIGIN}/api/v1/models/vgg16/classes`);
  });

  it('describes the new fields in the OpenAPI document', async () => {
    const doc = (await (await fetchApi('/api/v1/openapi.json')).json()) as { components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> } };
    const model = doc.components.schemas.Model;
    expect(model.properties.runsOn).toMatchObject({ type: 'array', items: { enum: ['cli', 'site', 'api'] } });
    expect(model.required).toEqual(expect.arrayContaining(['runsOn', 'prepared', 'availableHere', 'imported']));
  });
});

describe('VGG16 on the API', () => {
  const image = reference('00_hay.png');

  it.each([
    ['/api/v1/predict', {}],
    ['/api/v1/saliency', {}],
    ['/api/v1/saliency', { method: 'smoothgrad', samples: '2' }],
    ['/api/v1/adversarial', { attack: 'fgsm' }],
    ['/api/v1/adversarial', { attack: 'normalized-step', target: 'stingray' }],
  ])('%s %j with model=vgg16 is a 400 problem: it does not fit a Worker, the site and the CLI run it', async (path, fields) => {
    const body = await expectProblem(await postImage(path, image, { ...fields, model: 'vgg16' }), 400);
    expect(body).toMatchObject({ type: '/api#problem-bad-request', code: 'model/not-on-api' });
    expect(body.detail).toMatch(/^VGG16 \(vgg16\) does not run on this API: its 138,357,544 float32 weights \(528 MiB\) do not fit a Worker\./);
    expect(body.detail).toContain(EDGE_BUDGET_WHY);
    expect(body.hint).toMatch(/site .*CLI .*--model vgg16/);
  });

  it('is refused in the query string too, before the image is looked at', async () => {
    const response = await fetchApi('/api/v1/predict?model=vgg16', { method: 'POST', body: new Uint8Array([1, 2, 3]), headers: { 'Content-Type': 'image/png' } });
    expect((await expectProblem(response, 400)).code).toBe('model/not-on-api');
  });

  it('still has its class names', async () => {
    const body = (await (await fetchApi('/api/v1/models/vgg16/classes')).json()) as { classes: unknown[] };
    expect(body.classes).toHaveLength(1000);
  });

  it('an unknown model is still a 404', async () => {
    const body = await expectProblem(await postImage('/api/v1/predict', image, { model: 'resnet9000' }), 404);
    expect(body).toMatchObject({ code: 'model/unknown', detail: 'Unknown model "resnet9000".' });
    await expectProblem(await fetchApi('/api/v1/models/resnet9000/classes'), 404);
  });
});

describe('imported models, from the prepared models’ index', () => {
  const imported = (id: string, parameters: number, runsOn: PreparedModel['runsOn']): PreparedModel => ({
    id,
    name: `My ${id}`,
    architecture: id.startsWith('my-vgg') ? 'vgg16' : 'squeezenet1_1',
    inputSize: 224,
    parameters,
    classCount: 10,
    imported: true,
    variants: { float32: parameters * 4, float16: parameters * 2 },
    runsOn,
  });
  const index = {
    format: MODEL_INDEX_FORMAT,
    models: [imported('my-squeezenet', 727_626, ['cli', 'site', 'api']), imported('my-vgg', 134_301_514, ['cli', 'site'])],
  };
  const fetched: string[] = [];
  /** The real assets, with an index that also lists two imported models (their weights are not there). */
  const assets = {
    fetch: (request: Request) => {
      const path = new URL(request.url).pathname;
      fetched.push(path);
      if (path === '/models/index.json') return Promise.resolve(Response.json(index));
      return env.ASSETS.fetch(request);
    },
  } as unknown as Fetcher;

  it('are listed after the built-in models, with their architecture’s preprocessing and their own runsOn', async () => {
    const models = await listModels(assets);
    expect(models.map((m) => m.id)).toEqual(['squeezenet1_1', 'squeezenet1_0', 'vgg16', 'my-squeezenet', 'my-vgg']);
    expect(models[3]).toMatchObject({ name: 'My my-squeezenet', imported: true, classCount: 10, runsOn: ['cli', 'site', 'api'], prepared: true, availableHere: true, default: false });
    expect(models[3].preprocessing).toEqual(models[0].preprocessing);
    expect(models[4]).toMatchObject({ imported: true, runsOn: ['cli', 'site'], prepared: true, availableHere: false });
  });

  it('are usable when their runsOn includes the API, refused when not, and unknown ids stay unknown', async () => {
    await expect(requireApiModel('my-squeezenet', assets)).resolves.toBeUndefined();
    await expect(requireApiModel('my-vgg', assets)).rejects.toMatchObject({ status: 400, code: 'model/not-on-api', message: expect.stringContaining('My my-vgg (my-vgg) does not run on this API') });
    await expect(requireApiModel('my-resnet', assets)).rejects.toMatchObject({ code: 'model/unknown' });
  });

  it('a refused imported model is never loaded: no weight file is fetched', async () => {
    fetched.length = 0;
    await expect(getClassifier('my-vgg', assets)).rejects.toMatchObject({ status: 400 });
    expect(fetched).toEqual(['/models/index.json']);
  });

  it('a built-in model is checked without reading the index', async () => {
    fetched.length = 0;
    await requireApiModel('squeezenet1_0', assets);
    await expect(requireApiModel('vgg16', assets)).rejects.toMatchObject({ status: 400 });
    expect(fetched).toEqual([]);
  });
});

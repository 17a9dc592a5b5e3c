import { DEFAULTS } from '../../core/defaults.ts';
import { EDGE_LIMITS, LIMITS } from '../../core/limits.ts';
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT } from '../../models/manifest.ts';
import { ORIGIN, fetchApi } from './helpers.ts';

describe('model routes', () => {
  it('GET /api/v1/models lists SqueezeNet 1.1 as the default', async () => {
    const response = await fetchApi('/api/v1/models');
    expect(response.status).toBe(200);
    const { models } = (await response.json()) as { models: { id: string; default: boolean; inputSize: number; classCount: number; classesUrl: string }[] };
    expect(models).toContainEqual({
      id: 'squeezenet1_1',
      name: 'SqueezeNet 1.1',
      inputSize: 224,
      preprocessing: { channelOrder: 'rgb', scale: 1 / 255, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] },
      parameters: 1_235_496,
      classCount: 1000,
      default: true,
      imported: false,
      runsOn: ['cli', 'site', 'api'],
      prepared: true,
      availableHere: true,
      classesUrl: `${ORIGIN}/api/v1/models/squeezenet1_1/classes`,
    });
  });

  it('GET /api/v1/models/:id/classes gives the 1000 names in index order', async () => {
    const response = await fetchApi('/api/v1/models/squeezenet1_1/classes');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { model: string; classes: { index: number; name: string }[] };
    expect(body.model).toBe('squeezenet1_1');
    expect(body.classes).toHaveLength(1000);
    expect(body.classes[0]).toEqual({ index: 0, name: 'tench' });
    expect(body.classes[958].name).toBe('hay');
  });
});

describe('health', () => {
  it('reports the wasm backend, the loaded model and the heap size', async () => {
    const response = await fetchApi('/api/v1/health');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { backend: string; models: string[]; wasmHeapBytes: number };
    expect(body.backend).toBe('wasm');
    expect(body.models).toContain('squeezenet1_1');
    expect(body.wasmHeapBytes).toBeGreaterThanOrEqual(16 * 1024 * 1024);
  });
});

describe('OpenAPI and the API page', () => {
  it('serves an OpenAPI 3.1 document generated from the request schemas', async () => {
    const response = await fetchApi('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string; schema: { enum?: string[] } }[]; requestBody?: { content: Record<string, unknown> } }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/models', '/models/{id}/classes', '/predict', '/saliency', '/adversarial', '/results/{id}', '/health']),
    );
    const saliency = doc.paths['/saliency'].post;
    const method = saliency.parameters!.find((p) => p.name === 'method');
    expect(method?.schema.enum).toEqual(['vanilla', 'smoothgrad', 'integrated-gradients']);
    expect(Object.keys(saliency.requestBody!.content)).toEqual(['multipart/form-data', 'image/png', 'image/jpeg']);
    // Defaults and bounds come from the one table and the one set of limits, the edge's where stricter.
    const param = (path: string, name: string) =>
      (doc.paths[path].post.parameters as unknown as { name: string; schema: Record<string, unknown> }[]).find((p) => p.name === name)!.schema;
    expect(param('/saliency', 'method').default).toBe(DEFAULTS.saliency.method);
    expect(param('/saliency', 'samples')).toMatchObject({ type: 'integer', minimum: 1, maximum: EDGE_LIMITS.saliency!.samples!.max, default: DEFAULTS.saliency.samples });
    expect(param('/saliency', 'noise')).toMatchObject({ type: 'number', minimum: 0, maximum: LIMITS.saliency.noise.max, default: DEFAULTS.saliency.noise });
    expect(param('/adversarial', 'epsilon')).toMatchObject({ minimum: 0, maximum: 255, default: DEFAULTS.attack.epsilon });
    expect(param('/adversarial', 'lr')).toMatchObject({ deprecated: true });
    expect(param('/predict', 'topK')).toMatchObject({ maximum: EDGE_LIMITS.predict!.topK!.max, default: DEFAULTS.predict.topK });
    expect(doc.paths['/results/{id}'].delete).toBeDefined();
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(doc.components.schemas).toHaveProperty('SaliencyResult');
  });

  it('renders a human-readable API page at /api with the problem types', async () => {
    const response = await fetchApi('/api');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    const text = await response.text();
    expect(text).toContain('POST /api/v1/saliency');
    expect(text).toContain('id="problem-payload-too-large"');
    expect(text).toContain('/api/v1/openapi.json');
  });
});

describe('cross-cutting', () => {
  it('answers CORS preflights for the public API', async () => {
    const response = await SELF.fetch(`${ORIGIN}/api/v1/saliency`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST');
  });

  it('puts a request id on every response and keeps a well-formed incoming one', async () => {
    const fresh = await fetchApi('/api/v1/models');
    expect(fresh.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await fetchApi('/api/v1/models', { headers: { 'X-Request-Id': 'trace-1234abcd' } });
    expect(echoed.headers.get('X-Request-Id')).toBe('trace-1234abcd');
    const forged = await fetchApi('/api/v1/models', { headers: { 'X-Request-Id': 'bad id {"level":"error"}' } });
    expect(forged.headers.get('X-Request-Id')).not.toContain('bad id');
  });

  it('serves the prepared model files from the assets binding', async () => {
    const response = await SELF.fetch(`${ORIGIN}/models/squeezenet1_1/manifest.json`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as { format: string; model: string; variants: { float32: { check: { classes: number[] } } } };
    expect(manifest).toMatchObject({ format: MANIFEST_FORMAT, model: 'squeezenet1_1' });
    expect(manifest.variants.float32.check.classes).toHaveLength(5);
  });
});

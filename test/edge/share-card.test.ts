import { SELF, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../core/image/index.ts';
import { shareCardLayout } from '../../core/render/index.ts';
import type { RgbImage } from '../../core/types.ts';
import { ORIGIN, bytesOf, fetchApi, postImage, reference } from './helpers.ts';

interface Doc {
  id: string;
  inputUrl: string;
  cardUrl?: string;
  shareUrl: string;
  maps?: { overlayUrl: string }[];
  adversarialUrl?: string;
}

/** The content of every <meta> tag, by its property or name. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [, key, content] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) tags.set(key, content);
  return tags;
}

function pixel(image: RgbImage, x: number, y: number): number[] {
  const at = (y * image.width + x) * 3;
  return Array.from(image.data.subarray(at, at + 3));
}

async function create(path: string, image: string, fields: Record<string, string> = {}): Promise<Doc> {
  const response = await postImage(path, reference(image), fields, { 'Cache-Control': 'no-cache' });
  expect(response.status).toBe(201);
  return (await response.json()) as Doc;
}

describe('share card', () => {
  it('is rendered with a saliency result and is the share page’s 1200×630 preview', async () => {
    const doc = await create('/api/v1/saliency', '04_brown_bear.png');
    expect(doc.cardUrl).toBe(`${ORIGIN}/api/v1/results/${doc.id}/files/card.png`);
    const stored = (await (await fetchApi(`/api/v1/results/${doc.id}`)).json()) as Doc;
    expect(stored.cardUrl).toBe(doc.cardUrl);

    const html = await (await SELF.fetch(doc.shareUrl)).text();
    const meta = metaTags(html);
    expect(meta.get('og:image')).toBe(doc.cardUrl);
    expect(meta.get('og:image:width')).toBe('1200');
    expect(meta.get('og:image:height')).toBe('630');
    expect(meta.get('og:image:alt')).toBe('Saliency map of SqueezeNet 1.1 for “brown bear” beside the input image.');
    expect(meta.get('twitter:card')).toBe('summary_large_image');
    expect(meta.get('twitter:image')).toBe(doc.cardUrl);
    expect(meta.get('twitter:image:alt')).toBe(meta.get('og:image:alt'));

    const response = await SELF.fetch(doc.cardUrl!);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    const card = decodeImage(new Uint8Array(await response.arrayBuffer()));
    expect([card.width, card.height]).toEqual([1200, 630]);
    // The input and the overlay at twice their size where the layout puts them.
    const input = decodeImage(await bytesOf(doc.inputUrl));
    const overlay = decodeImage(await bytesOf(doc.maps![0].overlayUrl));
    const layout = shareCardLayout(true);
    for (const [x, y] of [[0, 0], [50, 120], [223, 223]]) {
      expect(pixel(card, layout.input.x + 2 * x + 1, layout.input.y + 2 * y + 1)).toEqual(pixel(input, x, y));
      expect(pixel(card, layout.picture!.x + 2 * x, layout.picture!.y + 2 * y)).toEqual(pixel(overlay, x, y));
    }
  });

  it('is rendered for predictions (the input alone) and adversarial examples', async () => {
    for (const [path, fields, alt] of [
      ['/api/v1/predict', {}, 'The input image, which SqueezeNet 1.1 classifies as “hay”, with the class and its probability.'],
      ['/api/v1/adversarial', { epsilon: '2' }, 'The input image, which SqueezeNet 1.1 classifies as “hay”, beside the adversarial image it classifies as “bison”.'],
    ] as const) {
      const doc = await create(path, '00_hay.png', fields);
      const meta = metaTags(await (await SELF.fetch(doc.shareUrl)).text());
      expect(meta.get('og:image'), path).toBe(doc.cardUrl);
      expect(meta.get('og:image:alt'), path).toBe(alt);
      const card = decodeImage(await bytesOf(doc.cardUrl!));
      expect([card.width, card.height], path).toEqual([1200, 630]);
    }
  });

  it('falls back to the old picture, without a stated size, for results stored before cards', async () => {
    const doc = await create('/api/v1/saliency', '07_gorilla.png');
    await env.DB.prepare("UPDATE computations SET document = json_remove(document, '$.cardUrl') WHERE id = (SELECT computation_id FROM results WHERE id = ?1)").bind(doc.id).run();
    const meta = metaTags(await (await SELF.fetch(doc.shareUrl)).text());
    expect(meta.get('og:image')).toBe(doc.maps![0].overlayUrl);
    expect(meta.has('og:image:width')).toBe(false);
    expect(meta.has('og:image:height')).toBe(false);
    expect(meta.get('og:image:alt')).toMatch(/^Saliency map of SqueezeNet 1\.1 for “[^”]+” over the input image\.$/);
    expect(meta.get('twitter:card')).toBe('summary_large_image');
  });

  it('is described in the OpenAPI document as an optional URL of every result', async () => {
    const openapi = (await (await fetchApi('/api/v1/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties?: Record<string, { format?: string }>; required?: string[] }> };
    };
    for (const name of ['PredictResult', 'SaliencyResult', 'AdversarialResult']) {
      const schema = openapi.components.schemas[name];
      expect(schema.properties?.cardUrl?.format, name).toBe('uri');
      expect(schema.required, name).not.toContain('cardUrl');
    }
  });
});

import { SELF, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../core/image/index.ts';
import { saliencyMaps } from '../../core/saliency/saliency-maps.ts';
import { getClassifier } from '../../functions/runtime/models.ts';
import { ORIGIN, bytesOf, expectProblem, fetchApi, parseNpy, postImage, reference } from './helpers.ts';

interface SaliencyDoc {
  id: string;
  kind: string;
  class: { index: number; name: string };
  predictions: { index: number; probability: number }[];
  maps: { class: { index: number }; heatmapUrl: string; overlayUrl: string; rawUrl: string }[];
  inputUrl: string;
  shareUrl: string;
  resultUrl: string;
  deleteToken?: string;
  cached: boolean;
  parameters: Record<string, unknown>;
}

describe('stored results', () => {
  it('round trip: create → JSON → files → share page → delete', async () => {
    const created = await postImage('/api/v1/saliency', reference('04_brown_bear.png'), { topK: '2' });
    expect(created.status).toBe(201);
    const doc = (await created.json()) as SaliencyDoc;
    expect(doc.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(doc.deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.headers.get('Location')).toBe(`${ORIGIN}/api/v1/results/${doc.id}`);
    expect(doc.maps).toHaveLength(2);
    expect(doc.maps.map((m) => m.class.index)).toEqual(doc.predictions.slice(0, 2).map((p) => p.index));
    expect(doc.shareUrl).toBe(`${ORIGIN}/r/${doc.id}`);

    const fetched = await fetchApi(`/api/v1/results/${doc.id}`);
    expect(fetched.status).toBe(200);
    const stored = (await fetched.json()) as SaliencyDoc;
    const { deleteToken, cached, ...publicPart } = doc;
    expect(deleteToken).toBeDefined();
    expect(cached).toBe(false);
    expect(stored).toEqual(publicPart);

    const overlay = await SELF.fetch(doc.maps[1].overlayUrl);
    expect(overlay.headers.get('Content-Type')).toBe('image/png');
    const overlayImage = decodeImage(new Uint8Array(await overlay.arrayBuffer()));
    expect([overlayImage.width, overlayImage.height]).toEqual([224, 224]);
    const heatmapImage = decodeImage(await bytesOf(doc.maps[0].heatmapUrl));
    expect([heatmapImage.width, heatmapImage.height]).toEqual([224, 224]);
    const input = decodeImage(await bytesOf(doc.inputUrl));
    expect(input.data).toEqual(decodeImage(reference('04_brown_bear.png')).data);

    const share = await SELF.fetch(doc.shareUrl);
    expect(share.status).toBe(200);
    const html = await share.text();
    // The link preview is the result's card (see share-card.test.ts); the overlay is on the page.
    expect(html).toContain(`<meta property="og:image" content="${ORIGIN}/api/v1/results/${doc.id}/files/card.png">`);
    expect(html).toContain(`<meta name="twitter:image" content="${ORIGIN}/api/v1/results/${doc.id}/files/card.png">`);
    expect(html).toContain(doc.maps[0].overlayUrl);
    expect(html).toContain('brown bear');
    expect(html).toContain(doc.inputUrl);
    // Run it yourself: the site's saliency page with the same parameters, in the vocabulary's names.
    expect(html).toContain('href="/saliency?topK=2"');
    expect(html).toContain(`href="/result/${doc.id}"`);

    const wrongToken = await fetchApi(`/api/v1/results/${doc.id}`, { method: 'DELETE', headers: { Authorization: 'Bearer nope' } });
    await expectProblem(wrongToken, 403);
    const noToken = await fetchApi(`/api/v1/results/${doc.id}`, { method: 'DELETE' });
    await expectProblem(noToken, 401);

    const deleted = await fetchApi(`/api/v1/results/${doc.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${doc.deleteToken}` } });
    expect(deleted.status).toBe(204);
    await expectProblem(await fetchApi(`/api/v1/results/${doc.id}`), 404);
    await expectProblem(await SELF.fetch(doc.maps[0].rawUrl), 404);
    expect((await SELF.fetch(doc.shareUrl)).status).toBe(404);
    expect(await env.ARTIFACTS.list({ prefix: `results/${doc.id}/` })).toMatchObject({ objects: [] });
  });

  it('stores the delete token only as a SHA-256 digest, with creation time and a 30-day expiry', async () => {
    const created = (await (await postImage('/api/v1/predict', reference('07_gorilla.png'))).json()) as SaliencyDoc & { createdAt: string; expiresAt: string };
    const row = await env.DB.prepare('SELECT * FROM results WHERE id = ?1').bind(created.id).first<Record<string, string | number>>();
    expect(row).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(created.deleteToken!);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(created.deleteToken!));
    expect(row!.delete_token_sha256).toBe([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''));
    expect(Number(row!.expires_at) - Number(row!.created_at)).toBe(30 * 86_400_000);
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(30 * 86_400_000);
  });

  it('serves rawUrl as the core’s float32 map, bit for bit, as a 224×224 .npy', async () => {
    const image = reference('03_border_terrier.png');
    const created = await postImage('/api/v1/saliency', image);
    const doc = (await created.json()) as SaliencyDoc;
    const raw = await SELF.fetch(doc.maps[0].rawUrl);
    expect(raw.headers.get('Content-Type')).toBe('application/octet-stream');
    const npy = parseNpy(new Uint8Array(await raw.arrayBuffer()));
    expect(npy.shape).toEqual([224, 224]);

    const model = await getClassifier('squeezenet1_1', env.ASSETS);
    const core = await saliencyMaps(model, decodeImage(image), { class: 'top' });
    expect(core.maps[0].class).toEqual(doc.class);
    expect(npy.data).toEqual(core.maps[0].data);
  });

  it('answers an identical request from the cache, and recomputes on Cache-Control: no-cache', async () => {
    const image = reference('08_sports_car.png');
    const fields = { method: 'integrated-gradients', steps: '4', class: 'sports car' };
    const first = await postImage('/api/v1/saliency', image, fields);
    expect(first.status).toBe(201);
    expect(first.headers.get('X-Cache')).toBe('MISS');
    const original = (await first.json()) as SaliencyDoc;
    expect(original.class).toEqual({ index: 817, name: 'sports car' });

    // Same image bytes and parameters, sent as query parameters this time.
    const second = await fetchApi('/api/v1/saliency?method=integrated-gradients&steps=4&class=sports%20car', {
      method: 'POST',
      headers: { 'Content-Type': 'image/png' },
      body: image as BodyInit,
    });
    expect(second.status).toBe(200);
    expect(second.headers.get('X-Cache')).toBe('HIT');
    const hit = (await second.json()) as SaliencyDoc;
    expect(hit.id).toBe(original.id);
    expect(hit.cached).toBe(true);
    expect(hit.deleteToken).toBeUndefined();

    const otherParams = await postImage('/api/v1/saliency', image, { ...fields, steps: '5' });
    expect(otherParams.status).toBe(201);
    const fresh = await postImage('/api/v1/saliency', image, fields, { 'Cache-Control': 'no-cache' });
    expect(fresh.status).toBe(201);
    expect(((await fresh.json()) as SaliencyDoc).id).not.toBe(original.id);
  });

  it('GET /r/:id of an unknown result is a 404 page', async () => {
    const response = await SELF.fetch(`${ORIGIN}/r/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('does not exist or has expired');
  });
});

describe('compute routes', () => {
  it('POST /predict takes a raw image body and topK', async () => {
    const response = await fetchApi('/api/v1/predict?topK=3', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: reference('00_hay.png') as BodyInit });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { predictions: { index: number; name: string; probability: number }[] };
    expect(body.predictions).toHaveLength(3);
    expect(body.predictions[0]).toMatchObject({ index: 958, name: 'hay' });
    expect(body.predictions[0].probability).toBeGreaterThan(0.9);
  });

  it('POST /adversarial runs FGSM and returns the attack report with image URLs', async () => {
    const response = await postImage('/api/v1/adversarial', reference('00_hay.png'), { epsilon: '2' });
    expect(response.status).toBe(201);
    const doc = (await response.json()) as {
      report: { kind: string; success: boolean; before: { index: number }[]; after: { index: number }[]; linf: number; l2: number; psnr: number; survives8bit: boolean };
      adversarialUrl: string;
      differenceUrl: string;
    };
    expect(doc.report.kind).toBe('fgsm');
    expect(doc.report.before[0].index).toBe(958);
    // summary.json: fgsm_epsilon255_2_top of 00_hay is 347 (bison).
    expect(doc.report.after[0].index).toBe(347);
    expect(doc.report.success).toBe(true);
    expect(doc.report.linf).toBeCloseTo(2, 5);
    expect(doc.report.psnr).toBeGreaterThan(40);
    const adversarial = decodeImage(await bytesOf(doc.adversarialUrl));
    const difference = decodeImage(await bytesOf(doc.differenceUrl));
    expect([adversarial.width, difference.width]).toEqual([224, 224]);
  });

  it('POST /adversarial runs one normalized-gradient step toward a target', async () => {
    const response = await postImage('/api/v1/adversarial', reference('06_pajama.png'), { attack: 'normalized-step', target: '6', lr: '1' });
    expect(response.status).toBe(201);
    const doc = (await response.json()) as { report: { kind: string; steps: number; target: { index: number }; targetProbabilityAfter: number; targetProbabilityBefore: number } };
    expect(doc.report).toMatchObject({ kind: 'normalized-step', steps: 1, target: { index: 6 } });
    expect(doc.report.targetProbabilityAfter).toBeGreaterThan(doc.report.targetProbabilityBefore);
    // The vocabulary's name for the same step is the same request: answered from the cache.
    const again = await postImage('/api/v1/adversarial', reference('06_pajama.png'), { attack: 'normalized-step', target: '6', learningRate: '1' });
    expect(again.status).toBe(200);
    expect(again.headers.get('X-Cache')).toBe('HIT');
  });
});

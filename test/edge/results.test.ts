import { SELF, createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../core/image/index.ts';
import { saliencyMaps } from '../../core/saliency/saliency-maps.ts';
import { app } from '../../functions/index.ts';
import { getClassifier } from '../../functions/runtime/models.ts';
import { ORIGIN, bytesOf, expectProblem, fetchApi, parseNpy, postImage, reference } from './helpers.ts';
import { ageResult, artifactKeys, computationExists, computationOf, urlsOf } from './storage-helpers.ts';

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
  parameters: Record<string, unknown>;
  createdAt: string;
  expiresAt: string;
  timingMs: number;
}

const HOUR_MS = 3_600_000;

function deleteRequest(doc: { id: string; deleteToken?: string }): Promise<Response> {
  return fetchApi(`/api/v1/results/${doc.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${doc.deleteToken}` } });
}

/** The body of every file URL of a document, by URL. */
async function filesOf(doc: SaliencyDoc): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const url of urlsOf(doc).filter((u) => u.includes('/files/'))) files.set(url, await bytesOf(url));
  return files;
}

describe('stored results', () => {
  it('round trip: create → JSON → files → share page → delete', async () => {
    // no-cache: a computation of its own, whatever other test files stored.
    const created = await postImage('/api/v1/saliency', reference('04_brown_bear.png'), { topK: '2' }, { 'Cache-Control': 'no-cache' });
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
    const { deleteToken, ...publicPart } = doc;
    expect(deleteToken).toBeDefined();
    expect(doc).not.toHaveProperty('cached');
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

    const computation = await computationOf(doc.id);
    expect(computation?.artifactPrefix).toBe(`computations/${computation?.id}/`);
    expect(await artifactKeys(computation!.artifactPrefix)).toContain(`${computation!.artifactPrefix}maps/1/overlay.png`);
    const deleted = await deleteRequest(doc);
    expect(deleted.status).toBe(204);
    await expectProblem(await fetchApi(`/api/v1/results/${doc.id}`), 404);
    await expectProblem(await SELF.fetch(doc.maps[0].rawUrl), 404);
    expect((await SELF.fetch(doc.shareUrl)).status).toBe(404);
    // It was the computation's only result: the computation and its files went with it.
    expect(await computationExists(computation!.id)).toBe(false);
    expect(await artifactKeys(computation!.artifactPrefix)).toEqual([]);
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

  it('answers an identical request from the cached computation with a result of its own; no-cache recomputes', async () => {
    const image = reference('08_sports_car.png');
    const fields = { method: 'integrated-gradients', steps: '4', class: 'sports car' };
    const first = await postImage('/api/v1/saliency', image, fields);
    expect(first.status).toBe(201);
    // Debug headers are off here: nothing says whether the computation was reused.
    expect(first.headers.get('X-Cache')).toBeNull();
    const original = (await first.json()) as SaliencyDoc;
    expect(original.class).toEqual({ index: 817, name: 'sports car' });
    // As if the first result had been created an hour earlier.
    await ageResult(original.id, HOUR_MS);

    // Same image bytes and parameters, sent as query parameters this time.
    const second = await fetchApi('/api/v1/saliency?method=integrated-gradients&steps=4&class=sports%20car', {
      method: 'POST',
      headers: { 'Content-Type': 'image/png' },
      body: image as BodyInit,
    });
    expect(second.status).toBe(201);
    expect(second.headers.get('X-Cache')).toBeNull();
    const hit = (await second.json()) as SaliencyDoc;
    expect(hit.id).not.toBe(original.id);
    expect(second.headers.get('Location')).toBe(`${ORIGIN}/api/v1/results/${hit.id}`);
    expect(hit.deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hit.deleteToken).not.toBe(original.deleteToken);
    expect(hit).not.toHaveProperty('cached');
    // Its own creation time (now, not the first one's) and its own 30-day expiry.
    expect(Date.now() - Date.parse(hit.createdAt)).toBeLessThan(HOUR_MS / 2);
    expect(Date.parse(hit.expiresAt) - Date.parse(hit.createdAt)).toBe(30 * 86_400_000);
    // Same computation: not computed again.
    expect((await computationOf(hit.id))?.id).toBe((await computationOf(original.id))?.id);
    expect(hit.timingMs).toBe(original.timingMs);
    expect(hit.maps.map((m) => m.rawUrl)).toEqual([`${ORIGIN}/api/v1/results/${hit.id}/files/maps/0/raw.npy`]);

    const otherParams = await postImage('/api/v1/saliency', image, { ...fields, steps: '5' });
    expect(otherParams.status).toBe(201);
    expect((await computationOf(((await otherParams.json()) as SaliencyDoc).id))?.id).not.toBe((await computationOf(original.id))?.id);
    const fresh = await postImage('/api/v1/saliency', image, fields, { 'Cache-Control': 'no-cache' });
    expect(fresh.status).toBe(201);
    const freshDoc = (await fresh.json()) as SaliencyDoc;
    expect(freshDoc.id).not.toBe(original.id);
    expect((await computationOf(freshDoc.id))?.id).not.toBe((await computationOf(original.id))?.id);
  });

  it('GET /r/:id of an unknown result is a 404 page', async () => {
    const response = await SELF.fetch(`${ORIGIN}/r/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('does not exist or has expired');
  });
});

describe('results belong to their requester', () => {
  it('two clients sending the same image get results of their own; deleting one leaves the other as it was', async () => {
    const image = reference('02_tibetan_mastiff.png');
    const first = await postImage('/api/v1/saliency', image, { topK: '2' }, { 'Cache-Control': 'no-cache' });
    const second = await postImage('/api/v1/saliency', image, { topK: '2' });
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = [(await first.json()) as SaliencyDoc, (await second.json()) as SaliencyDoc];
    expect(b.id).not.toBe(a.id);
    expect(b.deleteToken).not.toBe(a.deleteToken);
    expect(second.headers.get('Location')).toBe(`${ORIGIN}/api/v1/results/${b.id}`);
    const shared = (await computationOf(a.id))!;
    expect((await computationOf(b.id))?.id).toBe(shared.id);
    expect(urlsOf(b).every((url) => !url.includes(a.id))).toBe(true);

    const bJson = await (await fetchApi(`/api/v1/results/${b.id}`)).json();
    const bFiles = await filesOf(b);
    expect([...bFiles.keys()].sort()).toEqual([...(await filesOf(a)).keys()].map((url) => url.replace(a.id, b.id)).sort());
    const keys = await artifactKeys(shared.artifactPrefix);
    expect(keys).toHaveLength(bFiles.size);

    // One requester's token is no good for the other's result.
    await expectProblem(await deleteRequest({ id: b.id, deleteToken: a.deleteToken }), 403);
    expect((await deleteRequest(a)).status).toBe(204);
    await expectProblem(await fetchApi(`/api/v1/results/${a.id}`), 404);
    expect((await SELF.fetch(a.shareUrl)).status).toBe(404);
    await expectProblem(await SELF.fetch(a.inputUrl), 404);

    expect(await (await fetchApi(`/api/v1/results/${b.id}`)).json()).toEqual(bJson);
    const share = await SELF.fetch(b.shareUrl);
    expect(share.status).toBe(200);
    expect(await share.text()).toContain(`<meta property="og:url" content="${b.shareUrl}">`);
    for (const [url, bytes] of bFiles) expect(await bytesOf(url), url).toEqual(bytes);
    expect(await artifactKeys(shared.artifactPrefix)).toEqual(keys);

    // The last result gone, the computation and its files go.
    expect((await deleteRequest(b)).status).toBe(204);
    expect(await computationExists(shared.id)).toBe(false);
    expect(await artifactKeys(shared.artifactPrefix)).toEqual([]);
    await expectProblem(await SELF.fetch(b.inputUrl), 404);

    // The same request again is computed afresh, under a new computation.
    const third = await postImage('/api/v1/saliency', image, { topK: '2' });
    expect(third.status).toBe(201);
    const c = (await third.json()) as SaliencyDoc;
    const recomputed = (await computationOf(c.id))!;
    expect(recomputed.id).not.toBe(shared.id);
    expect(await bytesOf(c.inputUrl)).toEqual(bFiles.get(b.inputUrl));
  });

  it('says HIT or MISS in X-Cache only when DEBUG_HEADERS is on', async () => {
    const debugEnv = { ...env, DEBUG_HEADERS: 'on' };
    const post = async (headers: Record<string, string> = {}) => {
      const ctx = createExecutionContext();
      const request = new Request(`${ORIGIN}/api/v1/predict?topK=2`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'image/png', 'CF-Connecting-IP': crypto.randomUUID() },
        body: reference('09_toilet_tissue.png') as BodyInit,
      });
      const response = await app.fetch(request, debugEnv, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    };
    const [miss, hit] = [await post({ 'Cache-Control': 'no-cache' }), await post()];
    expect([miss.status, hit.status]).toEqual([201, 201]);
    expect([miss.headers.get('X-Cache'), hit.headers.get('X-Cache')]).toEqual(['MISS', 'HIT']);
    const [missDoc, hitDoc] = [(await miss.json()) as SaliencyDoc, (await hit.json()) as SaliencyDoc];
    expect(Object.keys(hitDoc).sort()).toEqual(Object.keys(missDoc).sort());
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
    const doc = (await response.json()) as { id: string; report: { kind: string; steps: number; target: { index: number }; targetProbabilityAfter: number; targetProbabilityBefore: number } };
    expect(doc.report).toMatchObject({ kind: 'normalized-step', steps: 1, target: { index: 6 } });
    expect(doc.report.targetProbabilityAfter).toBeGreaterThan(doc.report.targetProbabilityBefore);
    // The vocabulary's name for the same step is the same request: the same computation, a new result.
    const again = await postImage('/api/v1/adversarial', reference('06_pajama.png'), { attack: 'normalized-step', target: '6', learningRate: '1' });
    expect(again.status).toBe(201);
    const againDoc = (await again.json()) as { id: string };
    expect((await computationOf(againDoc.id))?.id).toBe((await computationOf(doc.id))?.id);
  });
});

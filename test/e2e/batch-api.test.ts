/**
 * `gradlens batch --api`: the real local Worker for the happy path, and a small Node server in front of
 * it for what the Worker does not do on demand — answering 503 and 429 with Retry-After, refusing an
 * image with a 4xx, staying busy for good.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readSummary } from '../../cli/batch/summary-file.ts';
import { SUMMARY_FILE } from '../../cli/batch/summary-line.ts';
import { decodeImage } from '../../core/image/decode-image.ts';
import { decodeNpy } from '../../core/image/decode-npy.ts';
import { runGradlens } from '../helpers/run-gradlens.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const baseUrl = inject('baseUrl');
const data = sharedDir('data/imagenet_val_25');
const reference = JSON.parse(readFileSync(sharedDir('models/squeezenet1_1/reference/imagenet_val_25/summary.json'), 'utf8')) as { image: string; top: number }[];
const referenceTop = (image: string) => reference.find((r) => r.image === path.basename(image))?.top;
const THREE = ['00_hay.png', '04_brown_bear.png', '07_gorilla.png'];

let scratch: string;
let input: string;
/** A folder with one image (hay). */
let one: string;
const gradlens = (...args: string[]) => runGradlens(scratch, ...args);
const summaryOf = (dir: string) => readSummary(path.join(dir, SUMMARY_FILE));

/** The compute requests the stand-in server has seen, and how it answers the next one. */
let posts: string[] = [];
let answer: (req: IncomingMessage, body: Buffer, res: ServerResponse, n: number) => Promise<void> | void;
let server: Server;
let serverUrl: string;

const problem = (res: ServerResponse, status: number, headers: Record<string, string>, extra: Record<string, unknown> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: '/api#problem', title: 'stand-in', status, detail: `stand-in answer ${status}`, ...extra }));
};

/** Hands the request on to the real Worker and its answer back. */
async function proxy(req: IncomingMessage, body: Buffer, res: ServerResponse) {
  const upstream = await fetch(baseUrl + req.url, { method: req.method, headers: { 'Content-Type': String(req.headers['content-type']) }, body: new Uint8Array(body) });
  res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('Content-Type') ?? 'application/json' });
  res.end(Buffer.from(await upstream.arrayBuffer()));
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'gradlens-batch-api-'));
  input = path.join(scratch, 'in');
  await mkdir(input);
  for (const image of THREE) await copyFile(path.join(data, image), path.join(input, image));
  one = path.join(scratch, 'one');
  await mkdir(one);
  await copyFile(path.join(data, '00_hay.png'), path.join(one, '00_hay.png'));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (req.method === 'GET' && req.url === '/api/v1/health') return void res.end('{"status":"ok"}');
      posts.push(req.url!);
      await answer(req, Buffer.concat(chunks), res, posts.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(scratch, { recursive: true, force: true });
});

describe('gradlens batch --api', () => {
  it('saliency through the Worker: a line per image, the linked files downloaded and readable', async () => {
    const out = path.join(scratch, 'saliency-out');
    const run = await gradlens('batch', 'saliency', input, '--api', baseUrl, '--out', out, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ mode: 'api', jobs: 4, images: 3, ok: 3, failed: 0 });
    const lines = await summaryOf(out);
    expect(lines.map((l) => l.status)).toEqual(['ok', 'ok', 'ok']);
    for (const line of lines) {
      const stem = path.basename(line.image, '.png');
      expect(line.top?.index).toBe(referenceTop(line.image));
      expect(line.outputs.sort()).toEqual(['heatmap.png', 'overlay.png', 'raw.npy', 'saliency.json'].map((f) => `${stem}/${f}`));
      for (const png of ['heatmap.png', 'overlay.png']) {
        const image = decodeImage(new Uint8Array(await readFile(path.join(out, stem, png))));
        expect([image.width, image.height]).toEqual([224, 224]);
      }
      const raw = decodeNpy(new Uint8Array(await readFile(path.join(out, stem, 'raw.npy'))));
      expect(raw.shape).toEqual([224, 224]);
      const document = JSON.parse(await readFile(path.join(out, stem, 'saliency.json'), 'utf8'));
      expect(document).toMatchObject({ kind: 'saliency', class: { index: referenceTop(line.image) } });
      expect(document.maps[0].rawUrl).toMatch(/^http/);
    }
  });

  it('tries again after 503 and 429 with Retry-After, then takes the answer', async () => {
    posts = [];
    answer = (req, body, res, n) => (n === 1 ? problem(res, 503, { 'Retry-After': '1' }) : n === 2 ? problem(res, 429, { 'Retry-After': '1' }) : proxy(req, body, res));
    const out = path.join(scratch, 'retry-out');
    const retried = await gradlens('batch', 'predict', one, '--api', serverUrl, '--top-k', '3', '--out', out);
    expect(retried.code, retried.stderr).toBe(0);
    expect(posts).toEqual(['/api/v1/predict', '/api/v1/predict', '/api/v1/predict']);
    const [line] = await summaryOf(out);
    expect(line).toMatchObject({ status: 'ok', top: { index: 958, name: 'hay' }, outputs: ['00_hay/predict.json'] });
    const document = JSON.parse(await readFile(path.join(out, '00_hay/predict.json'), 'utf8'));
    expect(document.predictions).toHaveLength(3); // the parameter went through as a form field
  });

  it('takes another 4xx as the image’s error, without trying again; gives up on 503 after 5 tries', async () => {
    posts = [];
    answer = (_req, _body, res) => problem(res, 422, {}, { code: 'image/corrupt', hint: 'Re-export it.' });
    const refused = path.join(scratch, 'refused-out');
    const run = await gradlens('batch', 'predict', input, '--api', serverUrl, '--jobs', '2', '--out', refused);
    expect(run.code).toBe(1);
    expect(posts).toHaveLength(3);
    const lines = await summaryOf(refused);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatchObject({ status: 'error', outputs: [], error: { status: 422, code: 'image/corrupt', message: 'stand-in answer 422', hint: 'Re-export it.' } });

    posts = [];
    answer = (_req, _body, res) => problem(res, 503, { 'Retry-After': '0' });
    const busy = path.join(scratch, 'busy-out');
    const gaveUp = await gradlens('batch', 'predict', one, '--api', serverUrl, '--out', busy);
    expect(gaveUp.code).toBe(1);
    expect(posts).toHaveLength(5);
    expect((await summaryOf(busy))[0]).toMatchObject({ status: 'error', error: { status: 503 } });
  });
});

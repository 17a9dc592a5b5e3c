/**
 * Preparing a built-in model published as one PyTorch checkpoint (VGG16's 553 MB file): from a mirror
 * or downloaded with progress, its size and SHA-256 checked before anything is converted. The tests
 * publish the fixtures' mini VGG16 from a real local HTTP server in the real file's place.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareModel } from '../../models/prepare/prepare-model.ts';
import { weightOrigin } from '../../models/prepare/read-weight-file.ts';
import { MODELS, type ModelEntry } from '../../models/registry.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const MINI = sharedDir('models/vgg16', 'vgg16-mini-legacy.pth');
const quiet = () => {};
let bytes: Buffer;
let server: Server;
let base: string;
let scratch: string;
/** What the server answers for each path: the file's bytes. */
const published = new Map<string, Uint8Array>();

beforeAll(async () => {
  bytes = await readFile(MINI);
  scratch = await mkdtemp(path.join(os.tmpdir(), 'gradlens-checkpoint-'));
  server = createServer((request, response) => {
    const body = published.get(request.url ?? '');
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Length': body.length, 'Content-Type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(scratch, { recursive: true, force: true });
});

/** VGG16's entry with the mini fixture as its published checkpoint. */
function miniEntry(file: string): ModelEntry {
  const vgg = MODELS.vgg16;
  return {
    ...vgg,
    info: { ...vgg.info, id: 'vgg16-mini', name: 'VGG16 mini' },
    weights: { kind: 'pytorch', url: `${base}/${file}`, bytes: 3_115_914, sha256: '3cf19acd19f61b2d65be780710dcabd543e2b2719a9fee4681c051805b82e027', mirrorFile: `vgg16/${file}`, parameters: 777_616 },
  };
}

describe('a built-in model from a PyTorch checkpoint', () => {
  it('downloads it with progress, checks its SHA-256, and writes both variants; the download is deleted', async () => {
    published.set('/mini.pth', bytes);
    const out = path.join(scratch, 'ok');
    const progress: [number, number][] = [];
    const entry = miniEntry('mini.pth');
    const manifest = await prepareModel(entry, weightOrigin(entry, null), out, quiet, (done, total) => progress.push([done, total]));
    expect(manifest).toMatchObject({ model: 'vgg16-mini', architecture: 'vgg16', parameters: 777_616, imported: false, source: { file: 'mini.pth', sha256: entry.weights.kind === 'pytorch' && entry.weights.sha256 } });
    expect(progress.at(-1)).toEqual([3_115_914, 3_115_914]);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1][0])).toBe(true);
    expect(manifest.variants.float32.files.reduce((n, f) => n + f.bytes, 0)).toBe(4 * 777_616);
    expect(await readdir(out)).toEqual(['vgg16-mini']);
  });

  it('refuses a download with the wrong SHA-256, or cut short, in one line, leaving nothing behind', async () => {
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 10] ^= 0xff;
    published.set('/damaged.pth', damaged);
    published.set('/cut.pth', bytes.subarray(0, 1_000_000));
    const out = path.join(scratch, 'bad');
    for (const [file, message] of [
      ['damaged.pth', /^Checksum mismatch for damaged\.pth: got [0-9a-f]{64}, expected 3cf19acd/],
      ['cut.pth', /^cut\.pth is 1000000 bytes, not the published 3115914: the file is truncated or not the published one\.$/],
      ['absent.pth', /^Download of .*absent\.pth failed with HTTP 404\.$/],
    ] as const) {
      const entry = miniEntry(file);
      await expect(prepareModel(entry, weightOrigin(entry, null), out, quiet)).rejects.toMatchObject({ code: 'model/prepare', message: expect.stringMatching(message) });
    }
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it('reads a mirror’s copy in place, and says how to download when the mirror lacks it', async () => {
    const mirror = path.join(scratch, 'mirror');
    await mkdir(path.join(mirror, 'vgg16'), { recursive: true });
    await writeFile(path.join(mirror, 'vgg16', 'mini.pth'), bytes);
    const out = path.join(scratch, 'from-mirror');
    const entry = miniEntry('mini.pth');
    const manifest = await prepareModel(entry, weightOrigin(entry, mirror), out, quiet);
    expect(manifest.variants.float32.check.classes).toHaveLength(5);
    const missing = miniEntry('other.pth');
    await expect(prepareModel(missing, weightOrigin(missing, mirror), out, quiet)).rejects.toMatchObject({
      message: expect.stringMatching(/^other\.pth is not in the model mirror/),
      hint: expect.stringContaining('GRADLENS_MODEL_MIRROR= npm run models -- --model vgg16-mini.'),
    });
  });

  it('`npm run models` prepares VGG16 only when asked for, and a mirror without it is one line', async () => {
    const run = (...args: string[]) => promisify(execFile)(process.execPath, ['bin/prepare-models.js', ...args], { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, GRADLENS_MODEL_MIRROR: sharedDir('models') } });
    await expect(run('--model', 'vgg16')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/\ngradlens models: vgg16-397923af\.pth is not in the model mirror .*\n {2}Put it there, or download it \(553 MB\) from https:\/\/download\.pytorch\.org\/models\/vgg16-397923af\.pth by running without a mirror: GRADLENS_MODEL_MIRROR= npm run models -- --model vgg16\.\n$/) });
    const { stderr } = await run('--if-missing');
    expect(stderr).toContain('gradlens models: skipped: VGG16 (553 MB) is prepared on request only: npm run models -- --model vgg16');
  }, 120_000);
});

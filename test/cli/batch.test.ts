import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_SUFFIX } from '../../cli/atomic-write.ts';
import { apiBase } from '../../cli/batch/api-batch.ts';
import { DEFAULT_RETRY, retryWaitMs } from '../../cli/batch/fetch-with-retry.ts';
import { imageFolders } from '../../cli/batch/image-folders.ts';
import type { SummaryLine } from '../../cli/batch/summary-line.ts';
import { runGradlens } from '../helpers/run-gradlens.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const data = sharedDir('data/imagenet_val_25');
const reference = JSON.parse(readFileSync(sharedDir('models/squeezenet1_1/reference/imagenet_val_25/summary.json'), 'utf8')) as { image: string; top: number }[];
const referenceTop = (image: string) => reference.find((r) => r.image === path.basename(image))?.top;
const THREE = ['00_hay.png', '01_quail.png', '02_tibetan_mastiff.png'];
const repo = path.resolve(__dirname, '../..');

let scratch: string;
const gradlens = (...args: string[]) => runGradlens(scratch, ...args);
const summaryOf = async (dir: string) =>
  (await readFile(path.join(dir, 'summary.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SummaryLine);

/** Every file below `dir`, relative to it. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** A folder with these images of the shared set, and a PNG cut short after 300 bytes. */
async function imageFolder(name: string, images: string[]): Promise<string> {
  const dir = path.join(scratch, name);
  await mkdir(dir, { recursive: true });
  for (const image of images) await copyFile(path.join(data, image), path.join(dir, image));
  await writeFile(path.join(dir, 'zz_corrupt.png'), (await readFile(path.join(data, '03_border_terrier.png'))).subarray(0, 300));
  return dir;
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'gradlens-batch-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('gradlens batch, local worker threads', () => {
  let input: string;
  const out = () => path.join(scratch, 'predict-out');

  it('predict --jobs 2: one summary line per image, the reference classes, the corrupt file reported with its code', async () => {
    input = await imageFolder('four', THREE);
    const run = await gradlens('batch', 'predict', input, '--jobs', '2', '--out', out(), '--json');
    expect(run.code, run.stderr).toBe(1); // some image failed
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'predict', mode: 'local', jobs: 2, images: 4, ok: 3, failed: 1, skipped: 0 });
    expect(run.stderr).toMatch(/^batch predict: 3 ok, 1 failed in [\d.]+ s \([\d.]+ images\/s\)/m);
    const lines = await summaryOf(out());
    expect(lines).toHaveLength(4);
    const ok = lines.filter((l) => l.status === 'ok');
    expect(ok.map((l) => path.basename(l.image)).sort()).toEqual(THREE);
    for (const line of ok) {
      expect(line.top?.index).toBe(referenceTop(line.image));
      expect(line.outputs).toEqual([`${path.basename(line.image, '.png')}/predict.json`]);
      const json = JSON.parse(await readFile(path.join(out(), line.outputs[0]), 'utf8'));
      expect(json.predictions[0]).toMatchObject(line.top!);
      expect(json.predictions).toHaveLength(5);
    }
    const failed = lines.find((l) => l.status === 'error')!;
    expect(failed).toMatchObject({ image: path.join(input, 'zz_corrupt.png'), outputs: [], error: { code: 'image/corrupt' } });
    expect(failed.error!.message).toMatch(/damaged or cut short/);
    expect(existsSync(path.join(out(), 'zz_corrupt'))).toBe(false);
  });

  it('--resume recomputes nothing that is done: the ok lines and the outputs stay as they were', async () => {
    const before = await summaryOf(out());
    const mtimes = async () => Promise.all(before.flatMap((l) => l.outputs).map(async (f) => (await stat(path.join(out(), f))).mtimeMs));
    const mtimesBefore = await mtimes();
    const run = await gradlens('batch', 'predict', input, '--jobs', '2', '--out', out(), '--resume', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ images: 4, ok: 0, failed: 1, skipped: 3 });
    const after = await summaryOf(out());
    // The failed image is tried again (its line replaced); the done ones are kept line for line.
    expect(after).toHaveLength(4);
    expect(after.slice(0, 3)).toEqual(before.filter((l) => l.status === 'ok'));
    expect(after[3]).toMatchObject({ status: 'error', error: { code: 'image/corrupt' } });
    expect(await mtimes()).toEqual(mtimesBefore);
  });

  it('a run killed mid-way, then resumed, finishes every image once and leaves no temp files', async () => {
    const all = (await readdir(data)).filter((f) => f.endsWith('.png'));
    const dir = await imageFolder('all', all);
    const killedOut = path.join(scratch, 'killed-out');
    const child = spawn(process.execPath, [path.join(repo, 'bin/gradlens.js'), 'batch', 'saliency', dir, '--jobs', '1', '--out', killedOut], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const summary = path.join(killedOut, 'summary.jsonl');
    while (!(existsSync(summary) && (await readFile(summary, 'utf8')).includes('\n'))) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const beforeKill = await summaryOf(killedOut);
    expect(beforeKill.length).toBeGreaterThanOrEqual(1);
    expect(beforeKill.length).toBeLessThan(all.length + 1);

    const run = await gradlens('batch', 'saliency', dir, '--jobs', '1', '--out', killedOut, '--resume');
    expect(run.code).toBe(1);
    const lines = await summaryOf(killedOut);
    expect(lines).toHaveLength(all.length + 1);
    expect(new Set(lines.map((l) => l.image)).size).toBe(all.length + 1);
    for (const line of beforeKill.filter((l) => l.status === 'ok')) expect(lines).toContainEqual(line);
    for (const line of lines.filter((l) => l.status === 'ok')) {
      expect(line.outputs.sort()).toEqual([`${path.basename(line.image, '.png')}/heatmap.png`, `${path.basename(line.image, '.png')}/saliency.json`]);
      for (const file of line.outputs) expect(existsSync(path.join(killedOut, file)), file).toBe(true);
    }
    expect((await filesBelow(killedOut)).filter((f) => f.endsWith(TEMP_SUFFIX))).toEqual([]);
  });

  it('saliency from a list file writes what the single command writes, byte for byte', async () => {
    const list = path.join(scratch, 'list.txt');
    await writeFile(list, `# one image\n\n${path.relative(scratch, path.join(data, '07_gorilla.png'))}\n`);
    const batchOut = path.join(scratch, 'saliency-out');
    const single = path.join(scratch, 'single.png');
    const [run, one] = await Promise.all([
      gradlens('batch', 'saliency', list, '--render', 'overlay', '--jobs', '1', '--out', batchOut),
      gradlens('saliency', path.join(data, '07_gorilla.png'), '--render', 'overlay', '--out', single),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(one.code).toBe(0);
    const [line] = await summaryOf(batchOut);
    expect(line).toMatchObject({ image: path.join(data, '07_gorilla.png'), status: 'ok', top: { index: referenceTop('07_gorilla.png') } });
    expect(await readFile(path.join(batchOut, '07_gorilla/overlay.png'))).toEqual(await readFile(single));
  });

  it('refuses bad arguments before any work, with status 2', async () => {
    const input = path.join(scratch, 'four');
    const cases: [string[], RegExp][] = [
      [['batch', 'predict', input, '--epsilon', '2', '--out', 'x'], /--epsilon does not apply to batch predict \(it is an option of fgsm\)/],
      [['batch', 'vanilla', input, '--out', 'x'], /batch needs a command first: predict, saliency, fgsm, got "vanilla"/],
      [['batch', 'saliency', input, '--samples', '4', '--out', 'x'], /--samples only applies to --method smoothgrad/],
      [['batch', 'fgsm', input, '--epsilon', '300', '--out', 'x'], /epsilon must be a number from 0 to 255, got 300/],
      [['batch', 'predict', input, '--jobs', '0', '--out', 'x'], /--jobs must be a whole number from 1 to 64, got 0/],
      [['batch', 'fgsm', input, '--transfer', 'squeezenet1_0', '--api', 'http://127.0.0.1:9', '--out', 'x'], /--transfer is not offered by the API/],
      [['batch', 'predict', path.join(scratch, 'missing'), '--out', 'x'], /Cannot read .*missing: no such file or folder/],
    ];
    for (const [args, message] of cases) {
      const run = await gradlens(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(existsSync(path.join(scratch, 'x'))).toBe(false);
  });
});

describe('batch helpers', () => {
  it('give each image a folder of its own, stable for the input order', () => {
    expect(imageFolders(['a/cat.png', 'b/cat.png', 'cat.jpg', 'cat-2.png', 'summary.jsonl.png'])).toEqual(['cat', 'cat-2', 'cat-3', 'cat-2-2', 'summary.jsonl-2']);
  });

  it('wait as Retry-After says (seconds or a date), else double the backoff, never past the cap', () => {
    expect(retryWaitMs('1', 1, DEFAULT_RETRY)).toBe(1000);
    expect(retryWaitMs('0', 3, DEFAULT_RETRY)).toBe(0);
    expect(retryWaitMs(new Date(10_000).toUTCString(), 1, DEFAULT_RETRY, 4_000)).toBe(6000);
    expect([1, 2, 3].map((attempt) => retryWaitMs(null, attempt, DEFAULT_RETRY))).toEqual([500, 1000, 2000]);
    expect(retryWaitMs('3600', 1, DEFAULT_RETRY)).toBe(DEFAULT_RETRY.maxWaitMs);
    expect(retryWaitMs(null, 20, DEFAULT_RETRY)).toBe(DEFAULT_RETRY.maxWaitMs);
  });

  it('read --api as the origin or the API base', () => {
    expect(apiBase('http://127.0.0.1:8787').href).toBe('http://127.0.0.1:8787/api/v1/');
    expect(apiBase('https://example.org/gradlens/api/v1/?x=1').href).toBe('https://example.org/gradlens/api/v1/');
    expect(() => apiBase('ftp://example.org')).toThrow(/--api needs the http\(s\) address/);
  });
});

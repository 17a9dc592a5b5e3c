import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../core/image/decode-image.ts';
import { ensureExamples } from '../../models/prepare/prepare-examples.ts';
import type { ExampleIndex } from '../../web/src/lib/examples.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const repoRoot = path.resolve(__dirname, '../..');
const dataDir = sharedDir('data/imagenet_val_25');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
// Few class-visualization steps: this checks the files, not how good the picture is.
const ITERATIONS = 5;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'gradlens-examples-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The real script, as `npx tsx models/prepare/build-examples.ts` runs it. */
async function buildExamples(outDir: string): Promise<string> {
  const { stderr } = await promisify(execFile)(process.execPath, [tsx, 'models/prepare/build-examples.ts', '--data', dataDir, '--out', outDir, '--iterations', String(ITERATIONS)], { cwd: repoRoot });
  return stderr;
}

describe('the home page examples (models/prepare/build-examples.ts)', () => {
  let outDir: string;
  let index: ExampleIndex;
  let labels: { file: string; label: number; name: string }[];

  beforeAll(async () => {
    outDir = path.join(scratch, 'examples');
    expect(await buildExamples(outDir)).toContain('Examples: built');
    index = JSON.parse(await readFile(path.join(outDir, 'index.json'), 'utf8')) as ExampleIndex;
    labels = JSON.parse(await readFile(path.join(dataDir, 'labels.json'), 'utf8'));
  });

  it('writes one picture per method, each a PNG of the size the index states, and nothing else', async () => {
    expect(index.examples.map((e) => e.method)).toEqual(['input', 'saliency-vanilla', 'saliency-smoothgrad', 'saliency-integrated-gradients', 'fgsm-adversarial', 'fgsm-difference', 'class-visualization']);
    for (const example of index.examples) {
      const image = decodeImage(new Uint8Array(await readFile(path.join(outDir, example.file))));
      expect([image.width, image.height], example.file).toEqual([224, 224]);
      expect([example.width, example.height], example.file).toEqual([image.width, image.height]);
      expect(example.caption.length, example.file).toBeGreaterThan(20);
      expect(example.alt.length, example.file).toBeGreaterThan(20);
    }
    expect((await readdir(outDir)).sort()).toEqual([...index.examples.map((e) => e.file), 'index.json'].sort());
  });

  it('explains a correctly classified sample whose FGSM image fools the model', async () => {
    const [input, vanilla] = index.examples;
    const sample = labels.find((l) => l.label === input.class!.index);
    expect(sample, 'the input is classified as its label').toBeDefined();
    expect(input.class!.probability).toBeGreaterThan(0.5);
    // The input is the sample itself at model size (the mirror's images are 224 × 224 already).
    const original = decodeImage(new Uint8Array(await readFile(path.join(dataDir, sample!.file))));
    const written = decodeImage(new Uint8Array(await readFile(path.join(outDir, 'input.png'))));
    expect(Buffer.from(written.data).equals(Buffer.from(original.data))).toBe(true);
    expect(vanilla.caption).toContain(`“${input.class!.name}”`);
    const attack = index.examples.find((e) => e.method === 'fgsm-adversarial')!;
    expect(attack.before).toEqual(input.class);
    expect(attack.class!.index).not.toBe(input.class!.index);
    expect(attack.caption).toContain(`“${attack.class!.name}”`);
    // An overlay is not the photo: the map's colours are on it.
    const overlay = decodeImage(new Uint8Array(await readFile(path.join(outDir, vanilla.file))));
    expect(Buffer.from(overlay.data).equals(Buffer.from(original.data))).toBe(false);
  });

  it('visualizes class 76, tarantula, and records what it was built from', () => {
    const viz = index.examples.at(-1)!;
    expect(viz.class).toMatchObject({ index: 76, name: 'tarantula' });
    expect(viz.class!.probability).toBeGreaterThanOrEqual(0);
    expect(viz.class!.probability).toBeLessThanOrEqual(1);
    expect(index.stamp).toMatchObject({ model: 'squeezenet1_1', iterations: ITERATIONS, weights: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('a second run with the same model and data does nothing', async () => {
    const before = (await stat(path.join(outDir, 'index.json'))).mtimeMs;
    expect(await buildExamples(outDir)).toContain('Examples: up-to-date');
    expect((await stat(path.join(outDir, 'index.json'))).mtimeMs).toBe(before);
  });
});

describe('the home page examples without a data mirror', () => {
  it('are an empty index, so the home page shows its text and fetches no 404; earlier examples are kept', async () => {
    const outDir = path.join(scratch, 'none');
    expect(await ensureExamples(null, { outDir })).toBe('empty');
    expect(JSON.parse(await readFile(path.join(outDir, 'index.json'), 'utf8'))).toEqual({ examples: [] });
    await writeFile(path.join(outDir, 'index.json'), '{"examples":[{"method":"input","file":"input.png"}]}');
    expect(await ensureExamples(null, { outDir })).toBe('kept');
    expect(JSON.parse(await readFile(path.join(outDir, 'index.json'), 'utf8')).examples).toHaveLength(1);
  });
});

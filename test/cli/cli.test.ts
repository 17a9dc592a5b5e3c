import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../core/image/decode-image.ts';
import { decodeNpy } from '../../core/image/decode-npy.ts';
import { pearson, referenceArray } from '../helpers/real-model.ts';
import { runGradlens } from '../helpers/run-gradlens.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const hay = sharedDir('data/imagenet_val_25/00_hay.png');
let out: string;

/** Runs the CLI from the scratch folder: relative output paths of a command that should fail can never land in the repo. */
const gradlens = (...args: (string | Record<string, string>)[]) => runGradlens(out, ...args);

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'gradlens-cli-'));
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('gradlens CLI', () => {
  it('predict --json prints one JSON object with the top-k predictions', async () => {
    const run = await gradlens('predict', hay, '--top', '3', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.predictions).toHaveLength(3);
    expect(result.predictions[0]).toMatchObject({ index: 958, name: 'hay' });
    expect(result.predictions[0].score).toBeCloseTo(22.1123, 3);
    expect(typeof result.timingMs.predict).toBe('number');
  });

  it('saliency --out .npy writes the raw 224×224 float32 map, equal to the reference', async () => {
    const file = path.join(out, 'hay.npy');
    const run = await gradlens('saliency', hay, '--out', file, '--json');
    expect(run.code).toBe(0);
    const npy = decodeNpy(new Uint8Array(await readFile(file)));
    expect(npy.shape).toEqual([224, 224]);
    expect(pearson(npy.data, referenceArray('00_hay', 'saliency_top'))).toBeGreaterThanOrEqual(0.999);
    expect(JSON.parse(run.stdout).maps[0].class).toEqual({ index: 958, name: 'hay' });
  });

  it('saliency --top-k 2 writes numbered PNG heatmaps', async () => {
    const file = path.join(out, 'top.png');
    const run = await gradlens('saliency', hay, '--top-k', '2', '--render', 'overlay', '--out', file);
    expect(run.code).toBe(0);
    for (const name of ['top-1.png', 'top-2.png']) {
      const image = decodeImage(new Uint8Array(await readFile(path.join(out, name))));
      expect([image.width, image.height]).toEqual([224, 224]);
    }
  });

  it('fgsm writes the adversarial PNG and its difference image, and reports the attack', async () => {
    const file = path.join(out, 'adv.png');
    const run = await gradlens('fgsm', hay, '--epsilon', '2', '--out', file, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ success: true, steps: 1, linf: 2, survives8bit: true });
    expect(report.after[0].index).toBe(347); // the reference's FGSM class for this image
    await expect(readFile(path.join(out, 'adv-difference.png'))).resolves.toBeTruthy();
  });

  it('classviz with a few iterations writes a 224×224 image and is repeatable for a seed', async () => {
    const a = path.join(out, 'a.png');
    const b = path.join(out, 'b.png');
    for (const file of [a, b]) expect((await gradlens('classviz', '--class', 'tarantula', '--iterations', '3', '--seed', '9', '--out', file)).code).toBe(0);
    expect(await readFile(a)).toEqual(await readFile(b));
  });

  it('fgsm --transfer classifies the saved adversarial image with the other models', async () => {
    const run = await gradlens('fgsm', hay, '--transfer', 'squeezenet1_0', '--out', path.join(out, 'transfer.png'), '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { transfer: { model: string; before: { index: number }; after: { index: number }; changed: boolean }[] };
    expect(result.transfer).toHaveLength(1);
    expect(result.transfer[0]).toMatchObject({ model: 'squeezenet1_0', before: { index: 958 } });
    expect(result.transfer[0].changed).toBe(result.transfer[0].after.index !== 958);
  });

  it('fool --black runs the targeted attack from a black image', async () => {
    const run = await gradlens('fool', '--black', '--target', '6', '--max-steps', '2', '--out', path.join(out, 'black.png'), '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'fool', target: { index: 6, name: 'stingray' } });
  });

  it('models --json lists the table: ids, names, input sizes, parameters, and what is prepared', async () => {
    const run = await gradlens('models', '--json');
    expect(run.code).toBe(0);
    const { models } = JSON.parse(run.stdout);
    const everywhere = ['cli', 'site', 'api'];
    expect(models.slice(0, 3)).toEqual([
      { id: 'squeezenet1_1', name: 'SqueezeNet 1.1', architecture: 'squeezenet1_1', inputSize: 224, parameters: 1_235_496, runsOn: everywhere, imported: false, default: true, prepared: true, variants: { float32: 4 * 1_235_496, float16: 2 * 1_235_496 } },
      { id: 'squeezenet1_0', name: 'SqueezeNet 1.0', architecture: 'squeezenet1_0', inputSize: 227, parameters: 1_248_424, runsOn: everywhere, imported: false, default: false, prepared: true, variants: { float32: 4 * 1_248_424, float16: 2 * 1_248_424 } },
      // VGG16 is prepared only on request (a 553 MB download), and does not fit the API's Worker.
      { id: 'vgg16', name: 'VGG16', architecture: 'vgg16', inputSize: 224, parameters: 138_357_544, runsOn: ['cli', 'site'], imported: false, default: false, prepared: false },
    ]);
  });

  it('models says which are not prepared, and how to prepare them', async () => {
    const run = await gradlens('models', { GRADLENS_MODELS_DIR: out });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^squeezenet1_0 +SqueezeNet 1\.0 +227×227 +1,248,424 parameters +cli\/site\/api +not prepared \(npm run models -- --model squeezenet1_0\)$/m);
    expect(run.stdout).toMatch(/^vgg16 +VGG16 +224×224 +138,357,544 parameters +cli\/site +not prepared \(npm run models -- --model vgg16, a 553 MB download\)$/m);
  });

  describe('with --model squeezenet1_0 (227×227, BGR minus the mean pixel)', () => {
    const ten = (...args: string[]) => gradlens(...args, '--model', 'squeezenet1_0', '--json');

    it('predict: hay, as the reference', async () => {
      const result = JSON.parse((await ten('predict', hay, '--top-k', '1')).stdout);
      expect(result).toMatchObject({ model: 'squeezenet1_0', predictions: [{ index: 958, name: 'hay' }] });
    });

    it('saliency --out .npy: a 227×227 map', async () => {
      const file = path.join(out, 'ten.npy');
      expect((await ten('saliency', hay, '--out', file)).code).toBe(0);
      expect(decodeNpy(new Uint8Array(await readFile(file))).shape).toEqual([227, 227]);
    });

    it('fgsm and fool write 227×227 images; fool reaches stingray with the default η (standard-input units)', async () => {
      const fgsmRun = JSON.parse((await ten('fgsm', hay, '--out', path.join(out, 'ten-fgsm.png'))).stdout);
      expect(fgsmRun).toMatchObject({ kind: 'fgsm', linf: 2 });
      const foolRun = JSON.parse((await ten('fool', hay, '--target', 'stingray', '--out', path.join(out, 'ten-fool.png'))).stdout);
      expect(foolRun).toMatchObject({ kind: 'fool', success: true, target: { index: 6 } });
      const image = decodeImage(new Uint8Array(await readFile(path.join(out, 'ten-fool.png'))));
      expect([image.width, image.height]).toEqual([227, 227]);
    });

    it('classviz writes a 227×227 image', async () => {
      const file = path.join(out, 'ten-viz.png');
      expect((await ten('classviz', '--class', 'tarantula', '--iterations', '2', '--out', file)).code).toBe(0);
      const image = decodeImage(new Uint8Array(await readFile(file)));
      expect([image.width, image.height]).toEqual([227, 227]);
    });
  });

  it.each([
    [['predict', 'missing.png'], /^gradlens: Cannot read missing\.png: no such file\.$/],
    [['predict', hay, '--top', 'many'], /^gradlens: topK must be a whole number from 1 to 1000, got many\.$/],
    [['predict', hay, '--top', '2', '--top-k', '3'], /^gradlens: Give one of --top-k and --top: they are the same option\.$/],
    [['saliency', hay, '--method', 'smoothgrad', '--samples', '500', '--out', 'x.png'], /^gradlens: samples must be a whole number from 1 to 200, got 500\.$/],
    [['fool', hay, '--target', '1', '--lr', '0', '--out', 'x.png'], /^gradlens: learningRate must be a number from 0\.000001 to 10000, got 0\.$/],
    [['predict', hay, '--frobnicate'], /^gradlens: Unknown option '--frobnicate'/],
    [['saliency', hay], /^gradlens: --out is required\.$/],
    [['saliency', hay, '--out', 'x.jpg'], /^gradlens: --out must end in \.png or \.npy/],
    [['saliency', hay, '--class', 'dog', '--out', 'x.png'], /^gradlens: "dog" matches \d+ classes\./],
    [['fool', hay, '--black', '--target', '1', '--out', 'x.png'], /^gradlens: Give either one IMAGE or --black\.$/],
    [['saliency', hay, '--class', 'hay', '--top-k', '3', '--out', 'x.png'], /^gradlens: Give either --class or --top-k, not both\.$/],
    [['saliency', hay, '--samples', '5', '--out', 'x.png'], /^gradlens: --samples only applies to --method smoothgrad\.$/],
    [['saliency', hay, '--method', 'smoothgrad', '--steps', '5', '--out', 'x.png'], /^gradlens: --steps only applies to --method integrated-gradients\.$/],
    [['saliency', hay, '--render', 'overlay', '--out', 'x.npy'], /^gradlens: --render overlay needs --out FILE\.png/],
    [['classviz', '--class', 'hay', '--fit', 'sideways', '--out', 'x.png'], /^gradlens: --fit must be one of squash, center-crop, got "sideways"\.$/],
    [['classviz', '--class', 'hay', '--iterations', '1', '--blur-sigma', '60', '--out', 'x.png'], /^gradlens: blurSigma 60 is too large for a 224-pixel image\. Use a blurSigma of at most 56\.$/],
    [['fgsm', hay, '--transfer', 'nope', '--out', 'x.png'], /^gradlens: Unknown model "nope"\./],
    [['fgsm', hay, '--transfer', 'squeezenet1_1', '--out', 'x.png'], /^gradlens: --transfer squeezenet1_1 is the attacked model itself/],
    [['teleport'], /^gradlens: unknown command "teleport"/],
    [['predict', hay, '--model', 'squeezenet2'], /^gradlens: Unknown model "squeezenet2"\. Available models: squeezenet1_1, squeezenet1_0, vgg16, or one made by `gradlens models import`\.$/],
  ])('%j fails with one clear line and exit code 2', async (args, message) => {
    const run = await gradlens(...args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });

  it.each([
    ['a truncated PNG', async (bytes: Buffer) => bytes.subarray(0, bytes.length / 2), /damaged or cut short/i],
    ['a text file', async () => Buffer.from('not an image at all'), /not a PNG or JPEG image/i],
    ['an empty file', async () => Buffer.alloc(0), /empty/i],
  ])('%s gives one clear line and exit code 2', async (_, make, message) => {
    const file = path.join(out, 'bad.png');
    await writeFile(file, await make(await readFile(hay)));
    const run = await gradlens('predict', file);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});

/**
 * `gradlens models import`: a user's torchvision checkpoint becomes a prepared model. The fixtures'
 * mini VGG16 (torchvision's key names, every width divided by 8) goes through the import, the serving
 * format and the loader — the path a full VGG16 takes — and must still reproduce PyTorch's numbers.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileWeightSource } from '../../cli/file-weight-source.ts';
import { useWasmBackend } from '../../cli/wasm-backend.ts';
import { decodeNpy } from '../../core/image/decode-npy.ts';
import { channelMaxAbs } from '../../core/saliency/channel-max-abs.ts';
import { oneHotRows } from '../../core/saliency/one-hot-rows.ts';
import { ARCHITECTURES } from '../../models/architectures.ts';
import { loadModel } from '../../models/load-model.ts';
import type { WeightManifest } from '../../models/manifest.ts';
import type { ModelIndex } from '../../models/model-index.ts';
import { checkpointTensors } from '../../models/prepare/checkpoint-tensors.ts';
import { importCheckpoint } from '../../models/prepare/import-checkpoint.ts';
import { fileSource } from '../../models/pytorch/byte-sources.ts';
import { readStateDict, type TensorRecord } from '../../models/pytorch/read-state-dict.ts';
import { maxAbsDifference, pearson } from '../helpers/real-model.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const LEGACY = sharedDir('models/vgg16', 'vgg16-mini-legacy.pth');
const ZIP = sharedDir('models/vgg16', 'vgg16-mini-zip.pth');
const reference = (k: number, file: string) => decodeNpy(new Uint8Array(readFileSync(sharedDir(`models/vgg16/reference-mini/test_data_set_${k}`, file)))).data as Float32Array;
const index = JSON.parse(readFileSync(sharedDir('models/vgg16/reference-mini', 'index.json'), 'utf8')) as { top: number }[];
const input = (k: number) => tf.tidy(() => tf.transpose(tf.tensor4d(reference(k, 'input_0.npy'), [1, 3, 224, 224]), [0, 2, 3, 1]) as tf.Tensor4D);
const quiet = () => {};
const repo = path.resolve(__dirname, '../..');

let dir: string;
beforeAll(async () => {
  await useWasmBackend();
  dir = await mkdtemp(path.join(os.tmpdir(), 'gradlens-import-'));
  await importCheckpoint({ architecture: 'vgg16', weights: LEGACY, id: 'mini-legacy' }, dir, quiet);
  await importCheckpoint({ architecture: 'vgg16', weights: ZIP, id: 'mini-zip', name: 'VGG16 mini (zip)' }, dir, quiet);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const manifestOf = async (id: string) => JSON.parse(await readFile(path.join(dir, id, 'manifest.json'), 'utf8')) as WeightManifest;

describe('importing a torchvision checkpoint', () => {
  it('turns the legacy and the zip file into identical weights, and records each file’s own SHA-256', async () => {
    const [legacy, zip] = [await manifestOf('mini-legacy'), await manifestOf('mini-zip')];
    expect(legacy.variants.float32.files.map((f) => f.sha256)).toEqual(zip.variants.float32.files.map((f) => f.sha256));
    expect(legacy.variants.float16.files.map((f) => f.sha256)).toEqual(zip.variants.float16.files.map((f) => f.sha256));
    expect(legacy.source).toEqual({ file: 'vgg16-mini-legacy.pth', bytes: 3_115_914, sha256: '3cf19acd19f61b2d65be780710dcabd543e2b2719a9fee4681c051805b82e027' });
    expect(zip.source?.sha256).toBe('43f744b0e36200705b8727198067a8ea62bb9de0378c903badaf1ae57863d6e1');
    expect(legacy).toMatchObject({ imported: true, architecture: 'vgg16', inputSize: 224, classCount: 1000, parameters: 777_616 });
  });

  it('lists both in the models index, with where they may run', async () => {
    const listed = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as ModelIndex;
    expect(listed.models.map((m) => [m.id, m.name, m.imported, m.runsOn])).toEqual([
      ['mini-legacy', 'mini-legacy (VGG16)', true, ['cli', 'site', 'api']],
      ['mini-zip', 'VGG16 mini (zip)', true, ['cli', 'site', 'api']],
    ]);
    expect(listed.models[0].variants).toEqual({ float32: 4 * 777_616, float16: 2 * 777_616 });
  });

  it('loads through loadModel and reproduces PyTorch’s scores within 1e-3 and saliency at r ≥ 0.999 (reference-mini)', async () => {
    const model = await loadModel('mini-legacy', fileWeightSource(dir), { verify: true });
    try {
      expect(model.info).toMatchObject({ id: 'mini-legacy', name: 'mini-legacy (VGG16)', inputSize: 224 });
      for (const k of [0, 3]) {
        const x = input(k);
        const { scores, grad } = model.gradient(x, () => oneHotRows([index[k].top], 1000));
        const map = channelMaxAbs(grad);
        const [actual, saliency] = [(await scores.data()) as Float32Array, (await map.data()) as Float32Array];
        tf.dispose([x, scores, grad, map]);
        expect(maxAbsDifference(actual, reference(k, 'output_0.npy'))).toBeLessThan(1e-3);
        expect(pearson(saliency, reference(k, 'saliency_top.npy'))).toBeGreaterThan(0.999);
      }
    } finally {
      model.dispose();
    }
  });

  it('loads the float16 variant: it passes its own built-in check, with the same top class as float32', async () => {
    const before = tf.memory().numTensors;
    const half = await loadModel('mini-legacy', fileWeightSource(dir), { dtype: 'float16', verify: true });
    const x = input(1);
    const scores = half.scores(x);
    const actual = (await scores.data()) as Float32Array;
    tf.dispose([x, scores]);
    half.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const expected = reference(1, 'output_0.npy');
    expect(actual.indexOf(Math.max(...actual))).toBe(index[1].top);
    expect(maxAbsDifference(actual, expected)).toBeLessThan(0.05 * Math.max(...expected.map(Math.abs)));
  });

  it('loads weights whose tensors span shard boundaries (VGG16’s 411 MB classifier.0 spans thirteen)', async () => {
    const manifest = await manifestOf('mini-legacy');
    const whole = await readFile(path.join(dir, 'mini-legacy', 'float32-000.bin'));
    const split = path.join(dir, 'split');
    await mkdir(path.join(split, 'mini-legacy'), { recursive: true });
    // Cuts at odd byte offsets, inside tensors.
    const cuts = [0, 1_000_003, 2_222_221, whole.length];
    const files = cuts.slice(1).map((end, n) => ({ name: `float32-00${n}.bin`, bytes: end - cuts[n], sha256: '' }));
    for (const [n, f] of files.entries()) await writeFile(path.join(split, 'mini-legacy', f.name), whole.subarray(cuts[n], cuts[n + 1]));
    await cp(path.join(dir, 'mini-legacy', 'classes.json'), path.join(split, 'mini-legacy', 'classes.json'));
    const shards = { ...manifest, variants: { ...manifest.variants, float32: { ...manifest.variants.float32, files } } };
    await writeFile(path.join(split, 'mini-legacy', 'manifest.json'), JSON.stringify(shards));
    const [one, three] = [await loadModel('mini-legacy', fileWeightSource(dir)), await loadModel('mini-legacy', fileWeightSource(split), { verify: true })];
    const x = input(2);
    const [a, b] = [one.scores(x), three.scores(x)];
    expect(await b.data()).toEqual(await a.data());
    tf.dispose([x, a, b]);
    one.dispose();
    three.dispose();
  });

  it('keeps its own class names', async () => {
    const classes = path.join(dir, 'classes-in.json');
    await writeFile(classes, JSON.stringify(Array.from({ length: 1000 }, (_, i) => `thing ${i}`)));
    await importCheckpoint({ architecture: 'vgg16', weights: LEGACY, id: 'mini-named', classes }, dir, quiet);
    const model = await loadModel('mini-named', fileWeightSource(dir));
    expect(model.info.classNames[index[0].top]).toBe(`thing ${index[0].top}`);
    model.dispose();
  });
});

describe('a checkpoint that is not the architecture', () => {
  const records = async () => {
    const source = await fileSource(LEGACY);
    return { records: await readStateDict(source), close: () => source.close() };
  };
  const drain = async (list: TensorRecord[]) => {
    for await (const _ of checkpointTensors(ARCHITECTURES.vgg16, list, 'mine.pth'));
  };

  it('names a missing key, a wrong shape and an unexpected key, each in one line', async () => {
    const { records: all, close } = await records();
    try {
      await expect(drain(all.filter((r) => r.name !== 'classifier.3.bias'))).rejects.toThrow(/^mine\.pth: missing key classifier\.3\.bias \(a VGG16 state_dict has 32 tensors\)\.$/);
      const reshaped = all.map((r) => (r.name === 'features.5.weight' ? { ...r, shape: [16, 4, 3, 3] } : r));
      await expect(drain(reshaped)).rejects.toThrow(/^mine\.pth: wrong shape for features\.5\.weight: \[16, 4, 3, 3\], where VGG16 needs \[16, 8, 3, 3\]\.$/);
      await expect(drain([...all, { ...all[0], name: 'features.1.weight' }])).rejects.toThrow(/^mine\.pth: unexpected key features\.1\.weight: not part of VGG16\.$/);
      // nn.DataParallel's prefix is accepted.
      let count = 0;
      for await (const _ of checkpointTensors(ARCHITECTURES.vgg16, all.map((r) => ({ ...r, name: `module.${r.name}` })), 'mine.pth')) count++;
      expect(count).toBe(32);
    } finally {
      await close();
    }
  });

  it('the command answers each problem in one line and exit code 2: wrong architecture, unreadable or truncated file, class count', async () => {
    const run = (...args: string[]) => promisify(execFile)(process.execPath, ['bin/gradlens.js', 'models', 'import', ...args], { cwd: repo, env: { ...process.env, GRADLENS_MODELS_DIR: dir } });
    const truncated = path.join(dir, 'cut.pth');
    await cp(LEGACY, truncated);
    await writeFile(truncated, (await readFile(LEGACY)).subarray(0, 100_000));
    const cases: [string[], RegExp][] = [
      [['--arch', 'squeezenet1_1', '--weights', LEGACY, '--id', 'x'], /^gradlens: vgg16-mini-legacy\.pth: missing key features\.3\.squeeze\.weight/],
      [['--arch', 'vgg16', '--weights', path.join(dir, 'none.pth'), '--id', 'x'], /^gradlens: Cannot read the checkpoint .*none\.pth: ENOENT\./],
      [['--arch', 'vgg16', '--weights', truncated, '--id', 'x'], /^gradlens: cut\.pth: Not a readable PyTorch checkpoint: .*cut short/],
      [['--arch', 'resnet50', '--weights', LEGACY, '--id', 'x'], /^gradlens: Unknown architecture "resnet50"\. Choose one of squeezenet1_1, squeezenet1_0, vgg16\./],
      [['--arch', 'vgg16', '--weights', LEGACY, '--id', 'vgg16'], /^gradlens: --id vgg16 is a built-in model; choose another id\./],
      [['--arch', 'vgg16', '--weights', LEGACY, '--id', '../up'], /^gradlens: --id "\.\.\/up" is not a model id/],
      [['--arch', 'vgg16', '--weights', LEGACY, '--id', 'x', '--classes', path.join(dir, 'index.json')], /must be a JSON array of class names/],
      [['--weights', LEGACY, '--id', 'x'], /^gradlens: models import needs --arch\./],
    ];
    for (const [args, message] of cases) {
      const failure = (await run(...args).then(() => null, (error: { code: number; stderr: string }) => error))!;
      expect(failure, args.join(' ')).toMatchObject({ code: 2, stderr: expect.stringMatching(message) });
      expect(failure.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const listed = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as ModelIndex;
    expect(listed.models.map((m) => m.id)).not.toContain('x');
  }, 60_000);

  it('the imported model is listed by `gradlens models` and used by --model on a command', async () => {
    const env = { ...process.env, GRADLENS_MODELS_DIR: dir };
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/gradlens.js', 'models', '--json'], { cwd: repo, env });
    const models = (JSON.parse(stdout) as { models: { id: string; prepared: boolean; imported: boolean; source?: { sha256: string } }[] }).models;
    expect(models.map((m) => m.id)).toEqual(['squeezenet1_1', 'squeezenet1_0', 'vgg16', 'mini-legacy', 'mini-named', 'mini-zip']);
    expect(models.find((m) => m.id === 'mini-zip')).toMatchObject({ prepared: true, imported: true, source: { sha256: '43f744b0e36200705b8727198067a8ea62bb9de0378c903badaf1ae57863d6e1' } });
    const predicted = await promisify(execFile)(process.execPath, ['bin/gradlens.js', 'predict', sharedDir('data/imagenet_val_25', '00_hay.png'), '--model', 'mini-named', '--json'], { cwd: repo, env });
    const top = (JSON.parse(predicted.stdout) as { predictions: { name: string }[] }).predictions[0];
    expect(top.name).toMatch(/^thing \d+$/);
  }, 60_000);
});

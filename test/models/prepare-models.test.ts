import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeNpy } from '../../core/image/decode-npy.ts';
import { halfToFloat } from '../../models/float16.ts';
import type { WeightManifest } from '../../models/manifest.ts';
import { prepareModel } from '../../models/prepare/prepare-model.ts';
import { MIRROR_VARIABLE, weightOrigin } from '../../models/prepare/read-weight-file.ts';
import { ensureSampleIndex } from '../../models/prepare/prepare-samples.ts';
import { MODELS } from '../../models/registry.ts';
import { SQUEEZENET11_BASE_URL } from '../../models/squeezenet1_1/weight-files.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const entry = MODELS.squeezenet1_1;
const mirrorWeights = sharedDir('models/squeezenet1_1/weights');
let scratch: string;
const quiet = () => {};

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'gradlens-prepare-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('model preparation', () => {
  it('converts the 52 mirrored .npy files into a manifest, a float32 and a float16 shard, kernels in HWIO', async () => {
    const out = path.join(scratch, 'ok');
    const manifest = await prepareModel(entry, { mirrorDir: mirrorWeights }, out, quiet);
    expect(manifest.tensors).toHaveLength(52);
    const parameters = manifest.tensors.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0);
    expect(parameters).toBe(1_235_496); // the count the mirror's README states
    const written = JSON.parse(await readFile(path.join(out, 'squeezenet1_1/manifest.json'), 'utf8')) as WeightManifest;
    expect(written).toEqual(manifest);
    const conv1 = manifest.tensors.find((t) => t.name === 'conv1.weight')!;
    expect(conv1.shape).toEqual([3, 3, 3, 64]);
    // Element (o=5, i=2, h=1, w=0) of the OIHW source must sit at (h=1, w=0, i=2, o=5) of the HWIO copy.
    const source = decodeNpy(new Uint8Array(await readFile(path.join(mirrorWeights, 'squeezenet0_conv0_weight.npy'))));
    const blob = await readFile(path.join(out, 'squeezenet1_1/float32-000.bin'));
    const hwio = new Float32Array(blob.buffer, blob.byteOffset + conv1.offset * 4, 3 * 3 * 3 * 64);
    expect(hwio[((1 * 3 + 0) * 3 + 2) * 64 + 5]).toBe(source.data[((5 * 3 + 2) * 3 + 1) * 3 + 0]);
    expect(manifest.variants.float32.files).toEqual([{ name: 'float32-000.bin', bytes: 4 * 1_235_496, sha256: createHash('sha256').update(blob).digest('hex') }]);
    // The half-size variant: the same element, rounded to the nearest half-precision value.
    const halves = await readFile(path.join(out, 'squeezenet1_1/float16-000.bin'));
    expect(halves.byteLength).toBe(2 * 1_235_496);
    const half = new Uint16Array(halves.buffer, halves.byteOffset + conv1.offset * 2, 3 * 3 * 3 * 64)[((1 * 3 + 0) * 3 + 2) * 64 + 5];
    expect(halfToFloat(half)).toBeCloseTo(source.data[((5 * 3 + 2) * 3 + 1) * 3 + 0], 3);
    expect(manifest.variants.float16.check.classes[0]).toBe(manifest.variants.float32.check.classes[0]);
  });

  it('names a file missing from the mirror', async () => {
    const partial = path.join(scratch, 'partial');
    await cp(mirrorWeights, partial, { recursive: true });
    await rm(path.join(partial, 'squeezenet0_conv7_bias.npy'));
    await expect(prepareModel(entry, { mirrorDir: partial }, path.join(scratch, 'out1'), quiet)).rejects.toMatchObject({
      code: 'model/prepare',
      message: expect.stringContaining('squeezenet0_conv7_bias.npy is missing'),
    });
  });

  it('refuses a file whose SHA-256 does not match and leaves no half-written model', async () => {
    const damaged = path.join(scratch, 'damaged');
    await cp(mirrorWeights, damaged, { recursive: true });
    const file = path.join(damaged, 'squeezenet0_conv3_weight.npy');
    const bytes = await readFile(file);
    bytes[bytes.length - 1] ^= 0xff;
    await writeFile(file, bytes);
    const out = path.join(scratch, 'out2');
    await expect(prepareModel(entry, { mirrorDir: damaged }, out, quiet)).rejects.toThrow(/Checksum mismatch for squeezenet0_conv3_weight\.npy/);
    await expect(readFile(path.join(out, 'squeezenet1_1/manifest.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('without a mirror and without a network, says which variable to set', async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    await expect(prepareModel(entry, { mirrorDir: null, baseUrl: 'http://127.0.0.1:9/' }, path.join(scratch, 'out3'), quiet)).rejects.toMatchObject({
      code: 'model/prepare',
      hint: expect.stringContaining('GRADLENS_MODEL_MIRROR'),
    });
  });

  it('without a mirror, SqueezeNet 1.0 (published nowhere as .npy) fails with one line that asks for the mirror', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== MIRROR_VARIABLE));
    const run = promisify(execFile)(process.execPath, ['bin/prepare-models.js', '--model', 'squeezenet1_0'], { cwd: path.resolve(__dirname, '../..'), env });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^gradlens models: SqueezeNet 1\.0 has no public download of its weights: set GRADLENS_MODEL_MIRROR .*\n$/) });
    expect(() => weightOrigin(MODELS.squeezenet1_0, null)).toThrow(/has no public download/);
    expect(weightOrigin(MODELS.squeezenet1_1, null)).toEqual({ mirrorDir: null, baseUrl: SQUEEZENET11_BASE_URL });
    expect(weightOrigin(MODELS.vgg16, null)).toEqual({ mirrorDir: null, baseUrl: 'https://download.pytorch.org/models/' });
  });

  it('the command exits non-zero with one line when the mirror folder does not exist', async () => {
    const run = promisify(execFile)(process.execPath, ['bin/prepare-models.js', '--mirror', path.join(scratch, 'nowhere')], { cwd: path.resolve(__dirname, '../..') });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^gradlens models: The model mirror .*nowhere does not exist/) });
  });
});

describe('the sample index without a data mirror', () => {
  it('is written empty, so the site finds no samples instead of a 404, and an existing one is kept', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'gradlens-samples-'));
    try {
      const samples = path.join(dir, 'samples');
      expect(await ensureSampleIndex(samples)).toBe(true);
      expect(JSON.parse(await readFile(path.join(samples, 'index.json'), 'utf8'))).toEqual([]);
      await writeFile(path.join(samples, 'index.json'), '[{"file":"a.png","label":1,"name":"goldfish"}]');
      expect(await ensureSampleIndex(samples)).toBe(false);
      expect(JSON.parse(await readFile(path.join(samples, 'index.json'), 'utf8'))).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

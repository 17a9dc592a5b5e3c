/**
 * `gradlens compare`: one image through SqueezeNet 1.1 and 1.0. Each model's column is what
 * `gradlens saliency --model X` gives for that model alone — the same predictions, the same map (its
 * raw .npy and, on the sheet, the same heatmap pixels) — and the sheet shows each model's own input.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../core/image/decode-image.ts';
import { decodeNpy } from '../../core/image/decode-npy.ts';
import { flattenAlpha } from '../../core/image/flatten-alpha.ts';
import { modelImage } from '../../core/image/model-image.ts';
import { comparisonSheetLayout, heatmap, type Rect } from '../../core/render/index.ts';
import type { RgbImage } from '../../core/types.ts';
import { runGradlens } from '../helpers/run-gradlens.ts';
import { sharedDir } from '../helpers/shared-path.ts';

// The gorilla: the two models disagree on the top class (siamang and gorilla), so the columns differ.
const gorilla = sharedDir('data/imagenet_val_25/07_gorilla.png');
const MODELS = [
  { id: 'squeezenet1_1', size: 224 },
  { id: 'squeezenet1_0', size: 227 },
];
let out: string;
const gradlens = (...args: string[]) => runGradlens(out, ...args);

interface SaliencyJson {
  predictions: unknown[];
  maps: { class: { index: number; name: string }; max: number; box: unknown }[];
}

interface CompareJson {
  fit: string;
  file: string;
  models: { model: string; name: string; inputSize: number; predictions: unknown[]; map: { class: unknown; max: number; box: unknown } }[];
}

/** The pixels of a rectangle of a sheet, as an RGB image. */
function crop(sheet: RgbImage, at: Rect): RgbImage {
  const data = new Uint8Array(at.width * at.height * 3);
  for (let y = 0; y < at.height; y++) {
    const from = ((at.y + y) * sheet.width + at.x) * 3;
    data.set(sheet.data.subarray(from, from + at.width * 3), y * at.width * 3);
  }
  return { width: at.width, height: at.height, data };
}

let compared: CompareJson;
let sheet: RgbImage;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'gradlens-compare-'));
  const run = await gradlens('compare', gorilla, '--models', MODELS.map((m) => m.id).join(','), '--out', path.join(out, 'sheet.png'), '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  compared = JSON.parse(run.stdout) as CompareJson;
  sheet = decodeImage(new Uint8Array(await readFile(path.join(out, 'sheet.png'))));
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('gradlens compare', () => {
  it('gives one column per model, in the order named, each at its own input size', () => {
    expect(compared.models.map((m) => [m.model, m.inputSize])).toEqual(MODELS.map((m) => [m.id, m.size]));
    expect(compared.models.map((m) => m.predictions.length)).toEqual([5, 5]);
    expect(compared.fit).toBe('squash');
    expect(compared.file).toBe(path.join(out, 'sheet.png'));
  });

  it.each(MODELS.map((m, column) => [m.id, m.size, column] as const))(
    '%s: predictions and map equal `gradlens saliency --model` alone, bit for bit, on the sheet too',
    async (id, size, column) => {
      const npy = path.join(out, `${id}.npy`);
      const alone = await gradlens('saliency', gorilla, '--model', id, '--out', npy, '--json');
      expect(alone.code).toBe(0);
      const single = JSON.parse(alone.stdout) as SaliencyJson;
      const mine = compared.models[column];
      expect(mine.predictions).toEqual(single.predictions);
      expect(mine.map).toEqual({ class: single.maps[0].class, max: single.maps[0].max, box: single.maps[0].box });

      const map = decodeNpy(new Uint8Array(await readFile(npy)));
      const slots = comparisonSheetLayout(MODELS.map((m) => m.size)).columns[column];
      expect(crop(sheet, slots.picture)).toEqual(flattenAlpha(heatmap({ width: size, height: size, data: map.data })));
      expect(crop(sheet, slots.input)).toEqual(modelImage(new Uint8Array(await readFile(gorilla)), size).image);
    },
  );

  it('prints a table with a column per model', async () => {
    const run = await gradlens('compare', gorilla, '--models', 'squeezenet1_1,squeezenet1_0');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^model +squeezenet1_1 +squeezenet1_0$/);
    expect(lines.find((l) => l.startsWith('1.'))).toMatch(/^1\. +\d+\.\d\d% 369 siamang +\d+\.\d\d% 366 gorilla$/);
  });

  it.each([
    [['--models', 'squeezenet1_1,squeezenet9'], /^gradlens: Unknown model "squeezenet9"\. Available models: .*squeezenet1_0.*\.$/],
    [['--models', 'squeezenet1_1'], /^gradlens: --models needs two or more model ids/],
    [['--models', 'squeezenet1_1,squeezenet1_1'], /^gradlens: --models names squeezenet1_1 twice/],
    [['--model', 'squeezenet1_1', '--models', 'squeezenet1_1,squeezenet1_0'], /^gradlens: compare takes --models ID,ID \(several\), not --model\.$/],
    [['--models', 'squeezenet1_1,squeezenet1_0', '--out', 'x.jpg'], /^gradlens: --out must end in \.png/],
  ])('%j fails with one clear line and exit code 2, before loading a model', async (args, message) => {
    const run = await gradlens('compare', gorilla, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });
});

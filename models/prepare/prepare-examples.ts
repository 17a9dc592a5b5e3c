import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileWeightSource } from '../../cli/file-weight-source.ts';
import { loadNodeModel } from '../../cli/node-model.ts';
import { DEFAULTS, classVisualization, fgsm, predict, saliencyMaps, type Classifier, type Prediction, type RgbImage, type SaliencyMethod } from '../../core/index.ts';
import { encodePng, modelImage } from '../../core/image/index.ts';
import { overlay } from '../../core/render/index.ts';
import type { ExampleClass, ExampleEntry, ExampleIndex, ExampleMethod } from '../../web/src/lib/examples.ts';
import { formatPercent as percent } from '../../web/src/lib/format.ts';
import type { WeightManifest } from '../manifest.ts';
import { DEFAULT_MODEL_ID } from '../registry.ts';

/**
 * Bump when the pictures change for the same model, data and script (a new core default): earlier builds
 * are then redone. A change to this file does that by itself (its hash is in the stamp).
 */
export const EXAMPLES_VERSION = 1;

/** The class the home page grows from noise: 76, tarantula (what the site's class visualization starts with). */
const VISUALIZED_CLASS = 76;

export interface ExampleOptions {
  /** A labelled image folder (labels.json + PNGs), as for the site's samples. */
  dataDir: string;
  outDir: string;
  /** Where the prepared weights are (default web/public/models, or GRADLENS_MODELS_DIR). */
  modelsDir?: string;
  /** Class-visualization iterations; default the preset's. Fewer make a test quick, not a good picture. */
  iterations?: number;
  log?: (line: string) => void;
}

interface LabelledImage {
  file: string;
  label: number;
  name: string;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const classOf = (p: Prediction): ExampleClass => ({ index: p.index, name: p.name, probability: p.probability });

/** What the examples are made from; equal stamps mean the pictures on disk are the ones this build would make. */
async function exampleStamp(options: ExampleOptions): Promise<Record<string, unknown>> {
  // The same folder the model is loaded from (fileWeightSource also reads GRADLENS_MODELS_DIR).
  const response = await fileWeightSource(options.modelsDir)(`${DEFAULT_MODEL_ID}/manifest.json`);
  if (!response.ok) throw new Error('The model is not prepared: run `npm run models` first.');
  const manifest = (await response.json()) as WeightManifest;
  return {
    version: EXAMPLES_VERSION,
    script: sha256(await readFile(fileURLToPath(import.meta.url))),
    model: manifest.model,
    weights: manifest.variants.float32.files.map((f) => f.sha256).join(','),
    data: sha256(await readFile(path.join(options.dataDir, 'labels.json'))),
    iterations: options.iterations ?? 'preset',
  };
}

async function readIndex(outDir: string): Promise<ExampleIndex | null> {
  try {
    return JSON.parse(await readFile(path.join(outDir, 'index.json'), 'utf8')) as ExampleIndex;
  } catch {
    return null;
  }
}

/**
 * The image the examples explain: the most confident correct prediction whose FGSM image (default ε),
 * saved as a PNG, is classified as something else — so the adversarial example really fools the model.
 */
async function chooseImage(model: Classifier, dataDir: string, labels: LabelledImage[]) {
  const candidates = [];
  for (const item of labels) {
    const { image } = modelImage(new Uint8Array(await readFile(path.join(dataDir, item.file))), model.info.inputSize);
    const [top] = await predict(model, image, 1);
    if (top.index === item.label) candidates.push({ item, image, top });
  }
  candidates.sort((a, b) => b.top.probability - a.top.probability);
  for (const candidate of candidates) {
    const attack = await fgsm(model, candidate.image);
    if (attack.survives8bit) return { ...candidate, attack };
  }
  throw new Error(`No image in ${dataDir} is classified correctly and fooled by FGSM; the examples need one.`);
}

/** Renders every example from the real model into `outDir` (replaced as a whole) and returns the index written. */
export async function prepareExamples(options: ExampleOptions): Promise<ExampleIndex> {
  const log = options.log ?? (() => {});
  const stamp = await exampleStamp(options);
  const labels = JSON.parse(await readFile(path.join(options.dataDir, 'labels.json'), 'utf8')) as LabelledImage[];
  const model = await loadNodeModel(DEFAULT_MODEL_ID, options.modelsDir);
  const staging = `${options.outDir}.partial-${process.pid}`;
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    const examples: ExampleEntry[] = [];
    const add = async (method: ExampleMethod, image: RgbImage, text: Pick<ExampleEntry, 'caption' | 'alt' | 'class' | 'before'>) => {
      await writeFile(path.join(staging, `${method}.png`), encodePng(image));
      examples.push({ method, file: `${method}.png`, width: image.width, height: image.height, ...text });
    };

    const { item, image, top, attack } = await chooseImage(model, options.dataDir, labels);
    const name = `“${top.name}”`;
    log(`Rendering the home page's examples into ${path.relative(process.cwd(), options.outDir) || '.'}, from ${item.file} (${top.name}, ${percent(top.probability)})`);
    await add('input', image, {
      caption: `The input, a photo from the ImageNet validation set: SqueezeNet 1.1 says ${name} (${percent(top.probability)}).`,
      alt: `A photo labelled “${item.name}” in the ImageNet validation set, the input of the examples that follow.`,
      class: classOf(top),
    });

    const saliency: [SaliencyMethod, ExampleMethod, string][] = [
      ['vanilla', 'saliency-vanilla', `Saliency (vanilla): where the gradient of ${name} is largest.`],
      ['smoothgrad', 'saliency-smoothgrad', `SmoothGrad: the gradient of ${name} averaged over noisy copies of the photo, less speckled.`],
      ['integrated-gradients', 'saliency-integrated-gradients', `Integrated Gradients: the gradient of ${name} summed along the way from a black image.`],
    ];
    for (const [method, kind, caption] of saliency) {
      const [map] = (await saliencyMaps(model, image, { method })).maps;
      const label = method === 'vanilla' ? 'Saliency map' : method === 'smoothgrad' ? 'SmoothGrad map' : 'Integrated Gradients map';
      await add(kind, overlay(image, map), { caption, alt: `${label} of “${map.class.name}” over the ${item.name} photo: bright where the pixels matter most.`, class: classOf(top) });
      log(`  ${kind}`);
    }

    const after = attack.after8bit[0];
    const epsilon = Math.round(attack.linf);
    await add('fgsm-adversarial', attack.adversarial, {
      caption: `FGSM, one step of ±${epsilon} levels (of 255) per pixel: now “${after.name}” (${percent(after.probability)}), was ${name} (${percent(top.probability)}).`,
      alt: `The ${item.name} photo after a one-step FGSM attack; it looks unchanged but is classified as ${after.name}.`,
      class: classOf(after),
      before: classOf(top),
    });
    await add('fgsm-difference', attack.difference, {
      caption: `What FGSM changed, magnified ×${DEFAULTS.attack.magnification}: a pattern of ±${epsilon} levels that a person does not see.`,
      alt: 'The difference between the attacked and the original photo, magnified ten times: fine coloured noise on grey.',
      class: classOf(after),
      before: classOf(top),
    });
    log('  fgsm');

    const viz = await classVisualization(model, { class: VISUALIZED_CLASS, ...(options.iterations !== undefined && { iterations: options.iterations }) });
    await add('class-visualization', viz.image, {
      caption: `Class visualization: an image grown from noise that SqueezeNet finds “${viz.class.name}” (${percent(viz.probability)}).`,
      alt: `An image grown by gradient ascent on the class ${viz.class.name}: hairy, leg-like shapes repeated over a noisy background.`,
      class: { index: viz.class.index, name: viz.class.name, probability: viz.probability },
    });
    log(`  class-visualization (${viz.steps} iterations)`);

    const index: ExampleIndex = { stamp, examples };
    await writeFile(path.join(staging, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
    await rm(options.outDir, { recursive: true, force: true });
    await rename(staging, options.outDir);
    return index;
  } finally {
    model.dispose();
    await rm(staging, { recursive: true, force: true });
  }
}

export type ExamplesOutcome = 'built' | 'up-to-date' | 'empty' | 'kept';

/**
 * The set-up step: examples rendered when missing or made from other weights, data or code; left as they
 * are when current. Without a data mirror an empty index (the home page shows its text, and no 404),
 * unless earlier examples exist.
 */
export async function ensureExamples(dataDir: string | null, options: Omit<ExampleOptions, 'dataDir'>): Promise<ExamplesOutcome> {
  const existing = await readIndex(options.outDir);
  if (!dataDir) {
    if (existing) return 'kept';
    await mkdir(options.outDir, { recursive: true });
    await writeFile(path.join(options.outDir, 'index.json'), `${JSON.stringify({ examples: [] } satisfies ExampleIndex)}\n`);
    return 'empty';
  }
  const stamp = await exampleStamp({ ...options, dataDir });
  if (existing && JSON.stringify(existing.stamp) === JSON.stringify(stamp) && (await allFilesExist(options.outDir, existing))) return 'up-to-date';
  await prepareExamples({ ...options, dataDir });
  return 'built';
}

async function allFilesExist(outDir: string, index: ExampleIndex): Promise<boolean> {
  const present = await Promise.all(index.examples.map((e) => readFile(path.join(outDir, e.file)).then(() => true, () => false)));
  return present.every(Boolean);
}

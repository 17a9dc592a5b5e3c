import { readFileSync } from 'node:fs';
import { decodeImage } from '../../core/image/decode-image.ts';
import { decodeNpy } from '../../core/image/decode-npy.ts';
import type { RgbImage } from '../../core/types.ts';
import { sharedDir } from './shared-path.ts';

/** The twelve images with PyTorch reference outputs, and what the reference says about each. */
export interface ReferenceCase {
  name: string;
  top: number;
  topScore: number;
  fgsmEpsilon2Top: number;
  foolTarget: number;
  foolSteps: number;
}

const REFERENCE_DIR = sharedDir('models/squeezenet1_1/reference/imagenet_val_25');

export function referenceCases(): ReferenceCase[] {
  const summary = JSON.parse(readFileSync(`${REFERENCE_DIR}/summary.json`, 'utf8')) as Record<string, number | string>[];
  return summary.map((s) => ({
    name: String(s.image).replace(/\.png$/, ''),
    top: Number(s.top),
    topScore: Number(s.top_score),
    fgsmEpsilon2Top: Number(s.fgsm_epsilon255_2_top),
    foolTarget: Number(s.fool_target),
    foolSteps: Number(s.fool_steps_lr1),
  }));
}

export function referenceArray(name: string, kind: 'logits' | 'saliency_top'): Float32Array {
  return decodeNpy(new Uint8Array(readFileSync(`${REFERENCE_DIR}/${name}.${kind}.npy`))).data;
}

export function sampleImage(name: string): RgbImage {
  return decodeImage(new Uint8Array(readFileSync(sharedDir('data/imagenet_val_25', `${name}.png`))));
}

export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

import type { PngImageHeader } from './parse-ihdr.ts';

/**
 * One reduced image of a PNG's data stream: the whole image when not interlaced, else one of the
 * seven Adam7 passes, which takes every `stepX`-th pixel from `startX` in every `stepY`-th row from `startY`.
 */
export interface PngPass {
  startX: number;
  startY: number;
  stepX: number;
  stepY: number;
  width: number;
  height: number;
  /** Bytes of one unfiltered row (the filter-type byte before each row not counted). */
  rowBytes: number;
}

/** Adam7 (PNG spec §8.2): start x, start y, step x, step y of passes 1 to 7, over 8×8 tiles. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** The passes whose rows the data stream holds, in order; an Adam7 pass with no pixels has no rows, so none. */
export function pngPasses(header: PngImageHeader): PngPass[] {
  const layouts = header.interlaced ? ADAM7 : [[0, 0, 1, 1]];
  const passes: PngPass[] = [];
  for (const [startX, startY, stepX, stepY] of layouts) {
    const width = Math.ceil((header.width - startX) / stepX);
    const height = Math.ceil((header.height - startY) / stepY);
    if (width <= 0 || height <= 0) continue;
    const rowBytes = Math.ceil((width * header.channels * header.depth) / 8);
    passes.push({ startX, startY, stepX, stepY, width, height, rowBytes });
  }
  return passes;
}

/**
 * Exactly how many bytes the image data must inflate to: every row of every pass, each after its
 * filter-type byte. For a plain image, height × (1 + ceil(width × channels × depth / 8)).
 */
export function inflatedLength(passes: PngPass[]): number {
  return passes.reduce((sum, pass) => sum + pass.height * (1 + pass.rowBytes), 0);
}

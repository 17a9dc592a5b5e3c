import { GradlensError } from '../errors.ts';
import type { Box } from './box.ts';
import { DEFAULTS } from '../defaults.ts';
import { largestComponent } from './largest-component.ts';
import { quantile } from './quantile.ts';
import type { ScalarMap } from './scalar-map.ts';

export interface LocalizeOptions {
  /** Quantile of the map's values above which a pixel is salient, in [0, 1); default 0.95. */
  quantile?: number;
}

export interface Localization {
  /** The map value at the quantile. */
  threshold: number;
  /** 1 where the map is salient (at or above the threshold, and not zero), map-sized, row-major. */
  mask: Uint8Array;
  /** Extent of the mask's largest 4-connected region; null when nothing is salient. */
  box: Box | null;
  /** Fraction of the map's pixels in the mask. */
  coverage: number;
}

/**
 * Weakly supervised localization from a saliency map (Simonyan et al., 2014): threshold the map at
 * a high quantile and box the largest connected salient region — an object location learned from
 * class labels alone.
 *
 * @example
 * const { box } = localize(saliency); // { x, y, width, height } in map pixels
 */
export function localize(map: ScalarMap, options: LocalizeOptions = {}): Localization {
  const q = options.quantile ?? DEFAULTS.render.quantile;
  if (!(q >= 0 && q < 1)) {
    throw new GradlensError('options/invalid', `The localization quantile must be in [0, 1), got ${q}.`);
  }
  const threshold = quantile(map.data, q);
  const mask = new Uint8Array(map.data.length);
  let salientCount = 0;
  for (let i = 0; i < mask.length; i++) {
    const value = map.data[i];
    // `>=` so a flat plateau at the threshold counts; `> 0` so zero gradient is never salient
    // (an all-zero map, or one that is zero above the quantile, gives an empty mask).
    if (value >= threshold && value > 0) {
      mask[i] = 1;
      salientCount++;
    }
  }
  const component = largestComponent(mask, map.width, map.height);
  return {
    threshold,
    mask,
    box: component ? component.box : null,
    coverage: mask.length > 0 ? salientCount / mask.length : 0,
  };
}

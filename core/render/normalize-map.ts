import { GradlensError } from '../errors.ts';
import { DEFAULTS } from '../defaults.ts';
import { quantile } from './quantile.ts';
import type { ScalarMap } from './scalar-map.ts';

export interface NormalizeMapOptions {
  /** Percentile (0–100] of the map that becomes 1; larger values are clipped. 100 scales by the max. */
  clipPercentile?: number;
}

/**
 * A map scaled to [0, 1]. Scaling by a high percentile instead of the max keeps one extreme
 * gradient pixel from darkening the rest; an all-zero map stays all zero (no division by zero).
 *
 * @example
 * const unit = normalizeMap(saliency, { clipPercentile: 99 });
 */
export function normalizeMap(map: ScalarMap, options: NormalizeMapOptions = {}): ScalarMap {
  const clipPercentile = options.clipPercentile ?? DEFAULTS.render.clipPercentile;
  if (!(clipPercentile > 0 && clipPercentile <= 100)) {
    throw new GradlensError('options/invalid', `clipPercentile must be in (0, 100], got ${clipPercentile}.`);
  }
  const max = map.data.reduce((largest, value) => (value > largest ? value : largest), 0);
  let scale = clipPercentile === 100 ? max : quantile(map.data, clipPercentile / 100);
  // A sparse map can have a zero percentile yet some salient pixels: scale by its max then.
  if (!(scale > 0)) scale = max;
  const data = new Float32Array(map.data.length);
  if (scale > 0) {
    for (let i = 0; i < data.length; i++) {
      const value = map.data[i] / scale;
      // `value > 0` is false for NaN too, so a stray NaN renders as cold rather than poisoning colors.
      data[i] = value > 0 ? Math.min(1, value) : 0;
    }
  }
  return { width: map.width, height: map.height, data };
}

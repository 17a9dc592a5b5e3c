import { GradlensError } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import { colormapTable, type ColormapName } from './colormaps.ts';
import { DEFAULTS } from '../defaults.ts';
import { BACKDROP_BRIGHTNESS, BACKDROP_DIMMING } from './constants.ts';
import { normalizeMap } from './normalize-map.ts';
import { resampleMap } from './resample-map.ts';
import type { ScalarMap } from './scalar-map.ts';

export interface OverlayOptions {
  /** Opacity of the colored map where it is hottest, in [0, 1]; default DEFAULTS.render.opacity (0.8). */
  opacity?: number;
  colormap?: ColormapName;
  /** See normalizeMap; default 99.5. */
  clipPercentile?: number;
}

/**
 * The photo with the colored map blended over it. Each pixel's opacity is `opacity` · √value (the
 * square root lifts the faint majority of a gradient map, which is sparse and heavy-tailed, into
 * view), and the photo underneath is dimmed and desaturated in proportion to `opacity` so the colors
 * stand out; at opacity 0 the photo is unchanged. A map of another size (224 × 224 over the original
 * photo) is resampled to the image first.
 *
 * @example
 * const picture = overlay(photo, saliency, { opacity: 0.5 });
 */
export function overlay(image: RgbImage, map: ScalarMap, options: OverlayOptions = {}): RgbImage {
  const opacity = options.opacity ?? DEFAULTS.render.opacity;
  if (!(opacity >= 0 && opacity <= 1)) {
    throw new GradlensError('options/invalid', `opacity must be in [0, 1], got ${opacity}.`);
  }
  const table = colormapTable(options.colormap ?? DEFAULTS.render.colormap);
  // Normalize at the map's own size: percentiles of a resampled map would depend on the photo's size.
  const unit = resampleMap(normalizeMap(map, { clipPercentile: options.clipPercentile }), image.width, image.height);
  const pixelCount = image.width * image.height;
  const data = new Uint8Array(pixelCount * 3);
  const dim = BACKDROP_DIMMING * opacity;
  for (let pixel = 0; pixel < pixelCount; pixel++) {
    const value = unit.data[pixel];
    const alpha = opacity * Math.sqrt(value);
    const level = Math.round(value * 255);
    const at = pixel * 3;
    const gray = BACKDROP_BRIGHTNESS * (0.299 * image.data[at] + 0.587 * image.data[at + 1] + 0.114 * image.data[at + 2]);
    for (let channel = 0; channel < 3; channel++) {
      const photo = image.data[at + channel];
      const base = photo + (gray - photo) * dim;
      // A Uint8Array store truncates, so + 0.5 rounds these non-negative values at half
      // Math.round's cost: this loop runs once per channel of a full-size photo.
      data[at + channel] = base + (table[level * 3 + channel] - base) * alpha + 0.5;
    }
  }
  return { width: image.width, height: image.height, data };
}

import type { RgbaImage } from '../types.ts';
import { colormapTable, type ColormapName } from './colormaps.ts';
import { DEFAULTS } from '../defaults.ts';
import { normalizeMap } from './normalize-map.ts';
import type { ScalarMap } from './scalar-map.ts';

export interface HeatmapOptions {
  colormap?: ColormapName;
  /** See normalizeMap; default 99.5. */
  clipPercentile?: number;
}

/**
 * A saliency map as an opaque colored picture of the map's size.
 *
 * @example
 * const png = encodePng(heatmap(saliency, { colormap: 'viridis' }));
 */
export function heatmap(map: ScalarMap, options: HeatmapOptions = {}): RgbaImage {
  const table = colormapTable(options.colormap ?? DEFAULTS.render.colormap);
  const unit = normalizeMap(map, { clipPercentile: options.clipPercentile });
  const pixelCount = map.width * map.height;
  const data = new Uint8ClampedArray(pixelCount * 4);
  for (let pixel = 0; pixel < pixelCount; pixel++) {
    const level = Math.round(unit.data[pixel] * 255);
    data[pixel * 4] = table[level * 3];
    data[pixel * 4 + 1] = table[level * 3 + 1];
    data[pixel * 4 + 2] = table[level * 3 + 2];
    data[pixel * 4 + 3] = 255;
  }
  return { width: map.width, height: map.height, data };
}

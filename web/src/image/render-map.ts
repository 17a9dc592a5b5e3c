/**
 * Display images of a saliency map, all drawn by the shared core renderer so the site, the CLI and
 * the share pages show the same pictures. This adapter only chooses what to draw for a view.
 */
import { heatmap, localize, maskImage, overlay, resampleMap, type Box, type ColormapName } from '../../../core/render/index.ts';
import type { RgbImage, RgbaImage } from '../../../core/types.ts';
import type { SaliencyMap } from '../worker/protocol.ts';
import type { MapView } from '../state/app.ts';

export interface MapPicture {
  image: RgbImage | RgbaImage;
  /** Localization box in pixels of the map, for the mask view. */
  box?: Box | null;
  coverage?: number;
}

export function mapPicture(
  input: RgbImage,
  map: SaliencyMap,
  view: MapView,
  options: { colormap: ColormapName; opacity: number; quantile: number },
): MapPicture {
  if (view === 'heatmap') return { image: heatmap(map, { colormap: options.colormap }) };
  if (view === 'overlay') return { image: overlay(input, map, { opacity: options.opacity, colormap: options.colormap }) };
  const found = localize(resampleMap(map, input.width, input.height), { quantile: options.quantile });
  return { image: maskImage(input, found.mask, { box: found.box }), coverage: found.coverage };
}


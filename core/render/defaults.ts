import type { ColormapName } from './colormaps.ts';

/** Every rendering default in one place, so the CLI, the edge and the site draw the same pictures. */

export const DEFAULT_COLORMAP: ColormapName = 'hot';

/**
 * Maps are scaled so this percentile becomes 1: saliency maps often have a few extreme pixels that
 * would otherwise push everything else to black.
 */
export const DEFAULT_CLIP_PERCENTILE = 99.5;

/** Strength of the colored map over the photo where the map is hottest. */
export const DEFAULT_OVERLAY_OPACITY = 0.8;

/** Under an overlay the photo turns towards a darker gray by this fraction of the opacity, so the map's colors read. */
export const BACKDROP_DIMMING = 0.75;

/** Brightness of that gray relative to the photo's luminance. */
export const BACKDROP_BRIGHTNESS = 0.6;

/** Pixels above this quantile of the map count as the object (Simonyan et al. kept the top 5%). */
export const DEFAULT_LOCALIZATION_QUANTILE = 0.95;

/** Fraction of brightness kept outside the salient mask by maskImage. */
export const DEFAULT_DIMMED_BRIGHTNESS = 0.3;

/** Bounding-box outline color of maskImage: pure green stands out on dimmed photos. */
export const DEFAULT_BOX_COLOR: [number, number, number] = [0, 255, 0];

/**
 * Fixed drawing constants: no request sets them. The defaults of the rendering parameters (colormap,
 * clip percentile, opacity, localization quantile) are in core/defaults.ts with every other default.
 */

/** Under an overlay the photo turns towards a darker gray by this fraction of the opacity, so the map's colors read. */
export const BACKDROP_DIMMING = 0.75;

/** Brightness of that gray relative to the photo's luminance. */
export const BACKDROP_BRIGHTNESS = 0.6;

/** Fraction of brightness kept outside the salient mask by maskImage. */
export const DIMMED_BRIGHTNESS = 0.3;

/** Bounding-box outline color of maskImage: pure green stands out on dimmed photos. */
export const BOX_COLOR: [number, number, number] = [0, 255, 0];

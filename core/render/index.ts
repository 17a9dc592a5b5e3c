/** Saliency maps turned into pictures: pure TypeScript, the same in the CLI, the edge and the site. */
export type { Box } from './box.ts';
export { colormap, colormapTable, COLORMAP_NAMES, type ColormapName } from './colormaps.ts';
export * from './defaults.ts';
export { heatmap, type HeatmapOptions } from './heatmap.ts';
export { largestComponent, type Component } from './largest-component.ts';
export { localize, type Localization, type LocalizeOptions } from './localization.ts';
export { maskImage, type MaskImageOptions } from './mask-image.ts';
export { normalizeMap, type NormalizeMapOptions } from './normalize-map.ts';
export { overlay, type OverlayOptions } from './overlay.ts';
export { quantile } from './quantile.ts';
export { resampleMap } from './resample-map.ts';
export type { ScalarMap } from './scalar-map.ts';

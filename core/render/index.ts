/** Saliency maps turned into pictures: pure TypeScript, the same in the CLI, the edge and the site. */
export { drawText, FONT_METRICS, textWidth, toFontText, type DrawTextOptions } from './bitmap-font.ts';
export type { Box } from './box.ts';
export { colormap, colormapTable, COLORMAP_NAMES, type ColormapName } from './colormaps.ts';
export { comparisonSheet, comparisonSheetLayout, type ComparisonColumn, type ComparisonSheetLayout } from './comparison-sheet.ts';
export * from './constants.ts';
export { fitText, lineHeight, type FitTextOptions, type FittedText } from './fit-text.ts';
export { heatmap, type HeatmapOptions } from './heatmap.ts';
export { largestComponent, type Component } from './largest-component.ts';
export { localize, type Localization, type LocalizeOptions } from './localization.ts';
export { maskImage, type MaskImageOptions } from './mask-image.ts';
export { normalizeMap, type NormalizeMapOptions } from './normalize-map.ts';
export { overlay, type OverlayOptions } from './overlay.ts';
export { quantile } from './quantile.ts';
export { resampleMap } from './resample-map.ts';
export type { ScalarMap } from './scalar-map.ts';
export {
  shareCard,
  shareCardLayout,
  SHARE_CARD_COLORS,
  SHARE_CARD_SIZE,
  type Rect,
  type ShareCardLayout,
  type ShareCardOptions,
  type TextSlot,
} from './share-card.ts';

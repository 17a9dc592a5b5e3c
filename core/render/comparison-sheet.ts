import type { RgbImage } from '../types.ts';
import { drawText } from './bitmap-font.ts';
import { fitText, lineHeight } from './fit-text.ts';
import { SHARE_CARD_COLORS, type Rect, type TextSlot } from './share-card.ts';

/** One column of a comparison: a model's own input and the picture made from it (its saliency heatmap). */
export interface ComparisonColumn {
  /** The model's name. */
  title: string;
  /** One short line under it, e.g. the top class and its probability. */
  caption: string;
  /** Both square, at the model's input size. */
  input: RgbImage;
  picture: RgbImage;
}

export interface ComparisonSheetLayout {
  width: number;
  height: number;
  columns: { title: TextSlot; caption: TextSlot; input: Rect; picture: Rect }[];
}

const MARGIN = 16;
const GAP = 16;
const TEXT_SCALES = [2, 1] as const;

/**
 * Where everything goes: one column per model, as wide as the largest input, with the title, a caption
 * of up to two lines, the input and the picture under it. Images keep their own size (224 or 227 px),
 * centred in their column, so every pixel on the sheet is one the model saw or produced.
 */
export function comparisonSheetLayout(sizes: readonly number[]): ComparisonSheetLayout {
  const column = Math.max(...sizes);
  const line = lineHeight(TEXT_SCALES[0]);
  const imageTop = MARGIN + 3 * line + GAP / 2;
  const pictureTop = imageTop + column + GAP / 2;
  const columns = sizes.map((size, i) => {
    const x = MARGIN + i * (column + GAP);
    const left = x + Math.floor((column - size) / 2);
    return {
      title: { x, y: MARGIN, width: column, height: line, scales: TEXT_SCALES, align: 'left' as const },
      caption: { x, y: MARGIN + line, width: column, height: 2 * line, scales: TEXT_SCALES, align: 'left' as const },
      input: { x: left, y: imageTop, width: size, height: size },
      picture: { x: left, y: pictureTop, width: size, height: size },
    };
  });
  return { width: 2 * MARGIN + sizes.length * column + (sizes.length - 1) * GAP, height: pictureTop + column + MARGIN, columns };
}

/**
 * Models side by side on one dark sheet: per column the model's name, a caption, its input and its
 * picture, in the bitmap font (no canvas needed, as on the edge).
 *
 * @example
 * const png = encodePng(comparisonSheet([{ title: 'SqueezeNet 1.1', caption: 'hay 99.1%', input, picture }]));
 */
export function comparisonSheet(columns: readonly ComparisonColumn[]): RgbImage {
  const layout = comparisonSheetLayout(columns.map((c) => c.input.width));
  const sheet: RgbImage = { width: layout.width, height: layout.height, data: new Uint8Array(layout.width * layout.height * 3) };
  for (let at = 0; at < sheet.data.length; at += 3) sheet.data.set(SHARE_CARD_COLORS.background, at);
  columns.forEach((column, i) => {
    const slots = layout.columns[i];
    writeLines(sheet, column.title, slots.title, SHARE_CARD_COLORS.text);
    writeLines(sheet, column.caption, slots.caption, SHARE_CARD_COLORS.muted);
    paste(sheet, column.input, slots.input);
    paste(sheet, column.picture, slots.picture);
  });
  return sheet;
}

/** Copies an image of exactly the rectangle's size into the sheet, row by row. */
function paste(sheet: RgbImage, image: RgbImage, at: Rect) {
  if (image.width !== at.width || image.height !== at.height) throw new Error(`a ${image.width}×${image.height} image does not fill a ${at.width}×${at.height} slot`);
  const rowBytes = image.width * 3;
  for (let y = 0; y < image.height; y++) {
    sheet.data.set(image.data.subarray(y * rowBytes, (y + 1) * rowBytes), ((at.y + y) * sheet.width + at.x) * 3);
  }
}

function writeLines(sheet: RgbImage, text: string, slot: TextSlot, color: readonly [number, number, number]) {
  const fitted = fitText(text, { width: slot.width, height: slot.height, scales: slot.scales });
  fitted.lines.forEach((line, index) => drawText(sheet, line, { x: slot.x, y: slot.y + index * fitted.lineHeight, scale: fitted.scale, color }));
}

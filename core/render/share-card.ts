import { resizeImage } from '../image/resize-image.ts';
import type { RgbImage } from '../types.ts';
import { drawText, textWidth, toFontText } from './bitmap-font.ts';
import { fitText } from './fit-text.ts';

/** The size link previews (Open Graph, Twitter's large card) are drawn at. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

type Color = readonly [number, number, number];

/** A dark card: the photos and the saliency colors read better on it than on white. */
export const SHARE_CARD_COLORS = {
  background: [17, 19, 24] as Color,
  text: [243, 244, 246] as Color,
  muted: [156, 163, 175] as Color,
  brand: [96, 165, 250] as Color,
  score: [251, 191, 36] as Color,
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextSlot extends Rect {
  /** Integer font scales to try, largest first (see fitText). */
  scales: readonly number[];
  align: 'left' | 'right';
}

export interface ShareCardLayout {
  input: Rect;
  picture?: Rect;
  brand: TextSlot;
  headline: TextSlot;
  caption: TextSlot;
}

const PAIR_IMAGE = 448;
const PAIR_GAP = 32;
const PAIR_LEFT = (SHARE_CARD_SIZE.width - 2 * PAIR_IMAGE - PAIR_GAP) / 2;
const SOLO_IMAGE = 550;
const SOLO_MARGIN = 40;
const SOLO_COLUMN = SOLO_MARGIN + SOLO_IMAGE + 48;

/**
 * Where everything goes. With a picture: the input and the picture side by side at twice the model's
 * 224 px, under a headline; without one: the input alone, larger, with the text in a column beside it.
 */
export function shareCardLayout(withPicture: boolean): ShareCardLayout {
  if (withPicture) {
    const imageTop = SHARE_CARD_SIZE.height - 32 - PAIR_IMAGE;
    const blockWidth = 2 * PAIR_IMAGE + PAIR_GAP;
    return {
      input: { x: PAIR_LEFT, y: imageTop, width: PAIR_IMAGE, height: PAIR_IMAGE },
      picture: { x: PAIR_LEFT + PAIR_IMAGE + PAIR_GAP, y: imageTop, width: PAIR_IMAGE, height: PAIR_IMAGE },
      brand: { x: PAIR_LEFT, y: 32, width: 200, height: 27, scales: [3], align: 'left' },
      caption: { x: PAIR_LEFT + 220, y: 32, width: blockWidth - 220, height: 27, scales: [3], align: 'right' },
      headline: { x: PAIR_LEFT, y: 74, width: blockWidth, height: 60, scales: [6, 5, 4, 3], align: 'left' },
    };
  }
  const columnWidth = SHARE_CARD_SIZE.width - SOLO_MARGIN - SOLO_COLUMN;
  const bottom = SOLO_MARGIN + SOLO_IMAGE;
  return {
    input: { x: SOLO_MARGIN, y: SOLO_MARGIN, width: SOLO_IMAGE, height: SOLO_IMAGE },
    brand: { x: SOLO_COLUMN, y: SOLO_MARGIN, width: columnWidth, height: 36, scales: [4], align: 'left' },
    headline: { x: SOLO_COLUMN, y: 120, width: columnWidth, height: 360, scales: [7, 6, 5, 4, 3], align: 'left' },
    caption: { x: SOLO_COLUMN, y: bottom - 27, width: columnWidth, height: 27, scales: [3], align: 'left' },
  };
}

export interface ShareCardOptions {
  /** The image as the model saw it. */
  input: RgbImage;
  /** Shown beside the input (a saliency overlay, an adversarial image); without it the input is shown alone. */
  picture?: RgbImage;
  /** The headline, usually the class name; shortened with “…” when it does not fit. */
  label: string;
  /** Follows the label in another color and is never shortened, e.g. "92.3%". */
  score?: string;
  /** One small line: what the picture is and which model, e.g. "Saliency map · SqueezeNet 1.1". */
  caption?: string;
}

/**
 * A 1200 × 630 link-preview card of a result: the input (and the picture), the label with its score,
 * the caption and the product name, in the bitmap font.
 *
 * @example
 * const png = encodePng(shareCard({ input, picture: overlay(input, map), label: 'tarantula', score: '92.3%' }));
 */
export function shareCard(options: ShareCardOptions): RgbImage {
  const { width, height } = SHARE_CARD_SIZE;
  const card: RgbImage = { width, height, data: new Uint8Array(width * height * 3) };
  fill(card, SHARE_CARD_COLORS.background);
  const layout = shareCardLayout(options.picture !== undefined);
  paste(card, options.input, layout.input);
  if (options.picture && layout.picture) paste(card, options.picture, layout.picture);
  writeText(card, 'gradlens', layout.brand, SHARE_CARD_COLORS.brand);
  if (options.caption) writeText(card, options.caption, layout.caption, SHARE_CARD_COLORS.muted);
  writeText(card, options.label, layout.headline, SHARE_CARD_COLORS.text, options.score);
  return card;
}

function fill(image: RgbImage, color: Color) {
  image.data.set(color, 0);
  // Doubling copies: a few dozen memmoves instead of a loop over every pixel.
  for (let filled = 3; filled < image.data.length; filled *= 2) {
    image.data.copyWithin(filled, 0, Math.min(filled, image.data.length - filled));
  }
}

/**
 * The image scaled into the rectangle: resampled (resizeImage) to a whole fraction of the rectangle's
 * size, then every pixel repeated as a square. Repeated rows cost deflate almost nothing, so the card
 * stays small and cheap to encode, and the model's pixels stay crisp.
 */
function paste(card: RgbImage, image: RgbImage, at: Rect) {
  const whole = Math.max(1, Math.floor(Math.min(at.width / image.width, at.height / image.height)));
  const factor = at.width % whole === 0 && at.height % whole === 0 ? whole : 1;
  const width = at.width / factor;
  const height = at.height / factor;
  const source = image.width === width && image.height === height ? image : resizeImage(image, width, height);
  const rowBytes = at.width * 3;
  for (let y = 0; y < height; y++) {
    const start = ((at.y + y * factor) * card.width + at.x) * 3;
    let out = start;
    for (let from = y * width * 3; from < (y + 1) * width * 3; from += 3) {
      for (let copy = 0; copy < factor; copy++, out += 3) {
        card.data[out] = source.data[from];
        card.data[out + 1] = source.data[from + 1];
        card.data[out + 2] = source.data[from + 2];
      }
    }
    for (let copy = 1; copy < factor; copy++) card.data.copyWithin(start + copy * card.width * 3, start, start + rowBytes);
  }
}

/** The text fitted into its slot; a suffix (the score) ends the last line, drawn in the score color. */
function writeText(card: RgbImage, text: string, slot: TextSlot, color: Color, suffix?: string) {
  const fitted = fitText(text, { width: slot.width, height: slot.height, scales: slot.scales, suffix });
  const { scale } = fitted;
  const score = suffix === undefined ? '' : toFontText(suffix).trim();
  fitted.lines.forEach((line, index) => {
    const y = slot.y + index * fitted.lineHeight;
    const x = slot.align === 'right' ? slot.x + slot.width - textWidth(line, scale) : slot.x;
    const last = index === fitted.lines.length - 1;
    if (last && score.length > 0 && line.endsWith(score)) {
      // The head keeps its trailing space, so the score starts one glyph gap after it.
      const head = line.slice(0, line.length - score.length);
      const headWidth = drawText(card, head, { x, y, scale, color });
      drawText(card, score, { x: x + headWidth + (head.length > 0 ? scale : 0), y, scale, color: SHARE_CARD_COLORS.score });
    } else {
      drawText(card, line, { x, y, scale, color });
    }
  });
}

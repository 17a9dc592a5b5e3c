import type { RgbImage } from '../types.ts';

/**
 * A 5 × 9 bitmap font for pictures drawn without a canvas (the edge has none). Rows 0–6 hold capitals
 * and digits, rows 2–6 the lowercase x-height, rows 7–8 the descenders; every glyph advances 6 columns
 * (one blank column between letters). Each row is a 5-bit number, the leftmost column its highest bit;
 * rows not listed are blank.
 */
export const FONT_METRICS = { glyphWidth: 5, glyphHeight: 9, capHeight: 7, advance: 6 } as const;

const GLYPHS: Readonly<Record<string, readonly number[]>> = {
  A: [0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
  B: [0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110],
  C: [0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110],
  D: [0b11110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11110],
  E: [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111],
  F: [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000],
  G: [0b01110, 0b10001, 0b10000, 0b10111, 0b10001, 0b10001, 0b01111],
  H: [0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
  I: [0b01110, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
  J: [0b00111, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100],
  K: [0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001],
  L: [0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b11111],
  M: [0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001],
  N: [0b10001, 0b10001, 0b11001, 0b10101, 0b10011, 0b10001, 0b10001],
  O: [0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110],
  P: [0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000],
  Q: [0b01110, 0b10001, 0b10001, 0b10001, 0b10101, 0b10010, 0b01101],
  R: [0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001],
  S: [0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110],
  T: [0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100],
  U: [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110],
  V: [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100],
  W: [0b10001, 0b10001, 0b10001, 0b10101, 0b10101, 0b10101, 0b01010],
  X: [0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001],
  Y: [0b10001, 0b10001, 0b01010, 0b00100, 0b00100, 0b00100, 0b00100],
  Z: [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b11111],
  a: [0, 0, 0b01110, 0b00001, 0b01111, 0b10001, 0b01111],
  b: [0b10000, 0b10000, 0b10110, 0b11001, 0b10001, 0b10001, 0b11110],
  c: [0, 0, 0b01110, 0b10000, 0b10000, 0b10001, 0b01110],
  d: [0b00001, 0b00001, 0b01101, 0b10011, 0b10001, 0b10001, 0b01111],
  e: [0, 0, 0b01110, 0b10001, 0b11111, 0b10000, 0b01110],
  f: [0b00110, 0b01001, 0b01000, 0b11100, 0b01000, 0b01000, 0b01000],
  g: [0, 0, 0b01111, 0b10001, 0b10001, 0b10001, 0b01111, 0b00001, 0b01110],
  h: [0b10000, 0b10000, 0b10110, 0b11001, 0b10001, 0b10001, 0b10001],
  i: [0b00100, 0, 0b01100, 0b00100, 0b00100, 0b00100, 0b01110],
  j: [0b00010, 0, 0b00110, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100],
  k: [0b10000, 0b10000, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010],
  l: [0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
  m: [0, 0, 0b11010, 0b10101, 0b10101, 0b10101, 0b10101],
  n: [0, 0, 0b10110, 0b11001, 0b10001, 0b10001, 0b10001],
  o: [0, 0, 0b01110, 0b10001, 0b10001, 0b10001, 0b01110],
  p: [0, 0, 0b10110, 0b11001, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000],
  q: [0, 0, 0b01101, 0b10011, 0b10001, 0b10001, 0b01111, 0b00001, 0b00001],
  r: [0, 0, 0b10110, 0b11001, 0b10000, 0b10000, 0b10000],
  s: [0, 0, 0b01111, 0b10000, 0b01110, 0b00001, 0b11110],
  t: [0b01000, 0b01000, 0b11100, 0b01000, 0b01000, 0b01001, 0b00110],
  u: [0, 0, 0b10001, 0b10001, 0b10001, 0b10011, 0b01101],
  v: [0, 0, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100],
  w: [0, 0, 0b10001, 0b10001, 0b10101, 0b10101, 0b01010],
  x: [0, 0, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001],
  y: [0, 0, 0b10001, 0b10001, 0b10001, 0b10011, 0b01101, 0b00001, 0b01110],
  z: [0, 0, 0b11111, 0b00010, 0b00100, 0b01000, 0b11111],
  0: [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110],
  1: [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
  2: [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111],
  3: [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110],
  4: [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010],
  5: [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110],
  6: [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110],
  7: [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000],
  8: [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110],
  9: [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100],
  ' ': [],
  ',': [0, 0, 0, 0, 0, 0b01100, 0b00100, 0b01000],
  "'": [0b01100, 0b00100, 0b01000],
  '"': [0b01010, 0b01010, 0b01010],
  '-': [0, 0, 0, 0, 0b01110],
  _: [0, 0, 0, 0, 0, 0, 0, 0b11111],
  '.': [0, 0, 0, 0, 0, 0b01100, 0b01100],
  '…': [0, 0, 0, 0, 0, 0, 0b10101],
  ':': [0, 0b01100, 0b01100, 0, 0b01100, 0b01100],
  '·': [0, 0, 0, 0b01100, 0b01100],
  '!': [0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0, 0b00100],
  '?': [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0, 0b00100],
  '%': [0b11000, 0b11001, 0b00010, 0b00100, 0b01000, 0b10011, 0b00011],
  '(': [0b00010, 0b00100, 0b01000, 0b01000, 0b01000, 0b00100, 0b00010],
  ')': [0b01000, 0b00100, 0b00010, 0b00010, 0b00010, 0b00100, 0b01000],
  '/': [0, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000],
  '&': [0b01100, 0b10010, 0b10100, 0b01000, 0b10101, 0b10010, 0b01101],
  '+': [0, 0b00100, 0b00100, 0b11111, 0b00100, 0b00100],
  '×': [0, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001],
  '→': [0, 0b00100, 0b00010, 0b11111, 0b00010, 0b00100],
};

/** Letters that are not an accented letter plus a combining mark, and typographic punctuation. */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '\u00a0': ' ',
};

/**
 * The text in the font's characters: accents dropped (é → e), a few letters spelled out (ß → ss),
 * anything else as '?'.
 */
export function toFontText(text: string): string {
  let out = '';
  for (const char of text) {
    if (Object.hasOwn(GLYPHS, char)) out += char;
    else if (Object.hasOwn(SPELLED_OUT, char)) out += SPELLED_OUT[char];
    else {
      const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base.length > 0 && [...base].every((c) => Object.hasOwn(GLYPHS, c)) ? base : '?';
    }
  }
  return out;
}

/** Width in pixels of a line of text at an integer scale, without the gap after the last glyph. */
export function textWidth(text: string, scale: number): number {
  const count = [...toFontText(text)].length;
  return count === 0 ? 0 : (count * FONT_METRICS.advance - (FONT_METRICS.advance - FONT_METRICS.glyphWidth)) * scale;
}

export interface DrawTextOptions {
  /** Left edge of the first glyph. */
  x: number;
  /** Top of the glyph cell (the capitals' top row). */
  y: number;
  /** Every font pixel becomes a scale × scale square. */
  scale: number;
  color: readonly [number, number, number];
}

/**
 * Draws one line of text into the image in place (clipped at its edges) and returns its width.
 *
 * @example
 * drawText(card, 'tarantula 92.3%', { x: 40, y: 40, scale: 4, color: [255, 255, 255] });
 */
export function drawText(image: RgbImage, text: string, options: DrawTextOptions): number {
  const { x, y, scale, color } = options;
  let left = x;
  for (const char of toFontText(text)) {
    const rows = GLYPHS[char];
    for (let row = 0; row < rows.length; row++) {
      for (let column = 0; column < FONT_METRICS.glyphWidth; column++) {
        if ((rows[row] >> (FONT_METRICS.glyphWidth - 1 - column)) & 1) {
          fillSquare(image, left + column * scale, y + row * scale, scale, color);
        }
      }
    }
    left += FONT_METRICS.advance * scale;
  }
  return textWidth(text, scale);
}

function fillSquare(image: RgbImage, x0: number, y0: number, size: number, color: readonly [number, number, number]) {
  const xStart = Math.max(0, x0);
  const xEnd = Math.min(image.width, x0 + size);
  for (let y = Math.max(0, y0); y < Math.min(image.height, y0 + size); y++) {
    for (let x = xStart; x < xEnd; x++) {
      const at = (y * image.width + x) * 3;
      image.data[at] = color[0];
      image.data[at + 1] = color[1];
      image.data[at + 2] = color[2];
    }
  }
}

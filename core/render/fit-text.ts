import { FONT_METRICS, textWidth, toFontText } from './bitmap-font.ts';

export interface FitTextOptions {
  /** Room for the text, in pixels. */
  width: number;
  height: number;
  /** Integer font scales to try, largest first; the last one is used shortened when nothing fits. */
  scales: readonly number[];
  /** Appended after a space and never shortened (a probability beside a class name). */
  suffix?: string;
}

export interface FittedText {
  scale: number;
  /** Lines in the font's characters, each at most `width` wide; together at most `height` tall. */
  lines: string[];
  /** Distance from one line's top to the next one's. */
  lineHeight: number;
}

/** Line pitch at a scale: the glyph cell (descenders included) and a gap of two font pixels. */
export function lineHeight(scale: number): number {
  return (FONT_METRICS.glyphHeight + 2) * scale;
}

/**
 * The text at the largest scale whose word-wrapped lines fit the box; when even the smallest scale
 * does not fit, the text is cut with “…” (the suffix stays whole) until it does.
 *
 * @example
 * fitText('American Staffordshire terrier', { width: 920, height: 60, scales: [6, 5, 4, 3], suffix: '12.3%' });
 */
export function fitText(text: string, options: FitTextOptions): FittedText {
  const body = toFontText(text).trim();
  const suffix = options.suffix === undefined ? '' : toFontText(options.suffix).trim();
  const join = (head: string) => [head, suffix].filter((part) => part.length > 0).join(' ');
  for (const scale of options.scales) {
    const lines = wrapLines(join(body), options.width, scale);
    if (lines.length <= maxLines(options.height, scale)) return { scale, lines, lineHeight: lineHeight(scale) };
  }
  const scale = options.scales[options.scales.length - 1];
  const limit = maxLines(options.height, scale);
  const perLine = Math.floor(options.width / (FONT_METRICS.advance * scale) + 1 / FONT_METRICS.advance);
  // Nothing longer than the box holds glyphs for can fit, so the search starts there.
  for (let length = Math.min(body.length - 1, limit * perLine); length >= 0; length--) {
    const lines = wrapLines(join(`${body.slice(0, length).trimEnd()}…`), options.width, scale);
    if (lines.length <= limit) return { scale, lines, lineHeight: lineHeight(scale) };
  }
  return { scale, lines: wrapLines(join('…'), options.width, scale).slice(0, limit), lineHeight: lineHeight(scale) };
}

function maxLines(height: number, scale: number): number {
  // n lines are n pitches tall less the gap under the last one.
  return Math.floor((height + 2 * scale) / lineHeight(scale));
}

/** Greedy word wrap; a word wider than the line is broken between letters. */
function wrapLines(text: string, width: number, scale: number): string[] {
  const perLine = Math.max(1, Math.floor(width / (FONT_METRICS.advance * scale) + 1 / FONT_METRICS.advance));
  const lines: string[] = [];
  let current = '';
  for (let word of text.split(' ').filter((w) => w.length > 0)) {
    const candidate = current.length > 0 ? `${current} ${word}` : word;
    if (textWidth(candidate, scale) <= width) {
      current = candidate;
      continue;
    }
    if (current.length > 0) lines.push(current);
    while (word.length > perLine) {
      lines.push(word.slice(0, perLine));
      word = word.slice(perLine);
    }
    current = word;
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

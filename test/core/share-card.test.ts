import { describe, expect, it } from 'vitest';
import { resizeImage } from '../../core/image/index.ts';
import {
  SHARE_CARD_COLORS,
  drawText,
  fitText,
  lineHeight,
  shareCard,
  shareCardLayout,
  textWidth,
  toFontText,
  type Rect,
} from '../../core/render/index.ts';
import type { RgbImage } from '../../core/types.ts';
import { IMAGENET_CLASSES } from '../../models/imagenet-classes.ts';

/** Deterministic noise, so every pixel differs from its neighbours and from the background. */
function noise(width: number, height: number, seed: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  let state = seed;
  for (let i = 0; i < data.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    data[i] = state >>> 24;
  }
  return { width, height, data };
}

function pixel(image: RgbImage, x: number, y: number): number[] {
  const at = (y * image.width + x) * 3;
  return Array.from(image.data.subarray(at, at + 3));
}

/** Coordinates of the pixels that differ between two images of the same size. */
function differing(a: RgbImage, b: RgbImage): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < a.data.length; i += 3) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) {
      out.push({ x: (i / 3) % a.width, y: Math.floor(i / 3 / a.width) });
    }
  }
  return out;
}

const inside = (rect: Rect) => (p: { x: number; y: number }) =>
  p.x >= rect.x && p.x < rect.x + rect.width && p.y >= rect.y && p.y < rect.y + rect.height;

const input = noise(224, 224, 1);
const picture = noise(224, 224, 2);
const pair = (label: string, score?: string) => shareCard({ input, picture, label, score, caption: 'Saliency map · SqueezeNet 1.1' });

describe('bitmap font', () => {
  it("draws 'A' at scale 3 as exactly its bitmap, each font pixel a 3 × 3 square", () => {
    const A = ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'];
    const image: RgbImage = { width: 24, height: 30, data: new Uint8Array(24 * 30 * 3) };
    const width = drawText(image, 'A', { x: 2, y: 1, scale: 3, color: [255, 128, 7] });
    expect(width).toBe(15);
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const row = A[Math.floor((y - 1) / 3)];
        const lit = y >= 1 && x >= 2 && x < 17 && row !== undefined && row[Math.floor((x - 2) / 3)] === '#';
        expect(pixel(image, x, y), `(${x}, ${y})`).toEqual(lit ? [255, 128, 7] : [0, 0, 0]);
      }
    }
  });

  it('draws descenders below the baseline and clips at the image edges', () => {
    const image: RgbImage = { width: 5, height: 9, data: new Uint8Array(5 * 9 * 3) };
    drawText(image, 'gg', { x: 0, y: 0, scale: 1, color: [9, 9, 9] });
    // g's tail: row 8 is .###.
    expect([0, 1, 2, 3, 4].map((x) => pixel(image, x, 8)[0])).toEqual([0, 9, 9, 9, 0]);
    drawText(image, 'W', { x: -3, y: -5, scale: 2, color: [1, 1, 1] });
  });

  it('measures a line as advances less the trailing gap', () => {
    expect(textWidth('', 4)).toBe(0);
    expect(textWidth('Ab', 2)).toBe(22);
    expect(textWidth('tarantula 92.3%', 5)).toBe((15 * 6 - 1) * 5);
  });

  it('has a glyph for every character of the ImageNet class names; accents are dropped, the rest is ?', () => {
    for (const name of IMAGENET_CLASSES) expect(toFontText(name)).toBe(name);
    expect(toFontText('Éléphant “Groß” – 3×(a/b),50% · ok?')).toBe('Elephant "Gross" - 3×(a/b),50% · ok?');
    expect(toFontText('日本 ✓')).toBe('?? ?');
  });
});

describe('fitText', () => {
  const headline = shareCardLayout(true).headline;
  const slot = { width: headline.width, height: headline.height, scales: headline.scales };

  it('picks the largest scale that fits, wrapping before it shortens', () => {
    expect(fitText('tarantula', { ...slot, suffix: '92.3%' })).toMatchObject({ scale: 6, lines: ['tarantula 92.3%'] });
    expect(fitText('American Staffordshire terrier', { ...slot, suffix: '12.3%' })).toMatchObject({ scale: 4, lines: ['American Staffordshire terrier 12.3%'] });
    const wrapped = fitText('soft-coated wheaten terrier', { width: 500, height: 200, scales: [7, 6], suffix: '88.0%' });
    // At 7 it wraps to four lines (294 px), too tall for 200; at 6 to three (186 px).
    expect(wrapped).toMatchObject({ scale: 6, lines: ['soft-coated', 'wheaten', 'terrier 88.0%'] });
  });

  it('fits every ImageNet class name, and cuts an overlong label with … keeping the score whole', () => {
    const fits = (fitted: ReturnType<typeof fitText>) => {
      for (const line of fitted.lines) expect(textWidth(line, fitted.scale)).toBeLessThanOrEqual(slot.width);
      expect(fitted.lines.length * lineHeight(fitted.scale) - 2 * fitted.scale).toBeLessThanOrEqual(slot.height);
    };
    for (const name of IMAGENET_CLASSES) fits(fitText(name, { ...slot, suffix: '100.0%' }));
    const long = fitText('a very long label '.repeat(20) + 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3), { ...slot, suffix: '1.0%' });
    fits(long);
    expect(long.scale).toBe(3);
    expect(long.lines.at(-1)).toMatch(/… 1\.0%$/);
    fits(fitText('x'.repeat(500), { ...slot, suffix: '1.0%' }));
  });
});

describe('shareCard', () => {
  it('is 1200 × 630 with or without a picture, on the background color at the corners', () => {
    for (const card of [pair('tarantula', '92.3%'), shareCard({ input, label: 'tarantula' })]) {
      expect([card.width, card.height, card.data.length]).toEqual([1200, 630, 1200 * 630 * 3]);
      expect(pixel(card, 0, 0)).toEqual([...SHARE_CARD_COLORS.background]);
      expect(pixel(card, 1199, 629)).toEqual([...SHARE_CARD_COLORS.background]);
    }
  });

  it('lays out boxes that keep a margin from the edges and do not overlap', () => {
    for (const layout of [shareCardLayout(true), shareCardLayout(false)]) {
      const boxes = [layout.input, layout.picture, layout.brand, layout.headline, layout.caption].filter((b) => b !== undefined);
      for (const box of boxes) {
        expect(Math.min(box.x, box.y, 1200 - box.x - box.width, 630 - box.y - box.height)).toBeGreaterThanOrEqual(24);
      }
      for (const a of boxes) {
        for (const b of boxes) {
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(a === b || apart, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
        }
      }
    }
  });

  it('shows the input and the picture at twice their size, pixel for pixel, where the layout says', () => {
    const card = pair('tarantula', '92.3%');
    const layout = shareCardLayout(true);
    expect(layout.input).toEqual({ x: 136, y: 150, width: 448, height: 448 });
    for (const [source, at] of [[input, layout.input], [picture, layout.picture!]] as const) {
      for (const [x, y] of [[0, 0], [1, 0], [17, 93], [223, 223], [100, 5]]) {
        for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
          expect(pixel(card, at.x + 2 * x + dx, at.y + 2 * y + dy)).toEqual(pixel(source, x, y));
        }
      }
    }
  });

  it('shows the input alone larger without a picture: resampled to half its box, then doubled', () => {
    const card = shareCard({ input, label: 'tarantula', score: '92.3%' });
    const at = shareCardLayout(false).input;
    expect(at.width).toBeGreaterThan(448);
    const half = resizeImage(input, at.width / 2, at.height / 2);
    for (const [x, y] of [[0, 0], [3, 200], [at.width / 2 - 1, at.height / 2 - 1]]) {
      expect(pixel(card, at.x + 2 * x + 1, at.y + 2 * y)).toEqual(pixel(half, x, y));
    }
  });

  it('draws the label and the score in the headline, and nothing of them elsewhere', () => {
    const headline = shareCardLayout(true).headline;
    const blank = pair('');
    const tarantula = pair('tarantula', '92.3%');
    const changed = differing(blank, tarantula);
    expect(changed.length).toBeGreaterThan(500);
    expect(changed.every(inside(headline))).toBe(true);
    const other = differing(tarantula, pair('tarantulb', '92.3%'));
    expect(other.length).toBeGreaterThan(0);
    expect(other.every(inside(headline))).toBe(true);
    // The score has its own color.
    const colors = new Set(changed.map(({ x, y }) => pixel(tarantula, x, y).join()));
    expect(colors).toEqual(new Set([SHARE_CARD_COLORS.text.join(), SHARE_CARD_COLORS.score.join()]));
  });

  it('keeps an overlong label inside the headline, in both layouts', () => {
    const label = 'Greater Swiss Mountain dog and '.repeat(12);
    const headline = shareCardLayout(true).headline;
    expect(differing(pair(''), pair(label, '0.1%')).every(inside(headline))).toBe(true);
    const solo = shareCardLayout(false).headline;
    expect(differing(shareCard({ input, label: '' }), shareCard({ input, label, score: '0.1%' })).every(inside(solo))).toBe(true);
  });

  it('draws the product name and the caption', () => {
    const layout = shareCardLayout(true);
    const card = pair('tarantula');
    const noCaption = shareCard({ input, picture, label: 'tarantula' });
    const captionPixels = differing(noCaption, card);
    expect(captionPixels.length).toBeGreaterThan(100);
    expect(captionPixels.every(inside(layout.caption))).toBe(true);
    const brand = layout.brand;
    let lit = 0;
    for (let y = brand.y; y < brand.y + brand.height; y++) {
      for (let x = brand.x; x < brand.x + brand.width; x++) if (pixel(card, x, y).join() === SHARE_CARD_COLORS.brand.join()) lit++;
    }
    expect(lit).toBeGreaterThan(100);
  });
});

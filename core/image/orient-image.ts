import type { RgbImage } from '../types.ts';

/**
 * The image turned upright by its EXIF orientation (1–8; anything else leaves it as it is), as a
 * viewer shows it: 2 mirror, 3 rotate 180°, 4 flip, 5 transpose, 6 rotate 90° clockwise, 7 transverse,
 * 8 rotate 90° counter-clockwise. For each output pixel (x, y), `source` gives the pixel it comes from.
 */
export function orientImage(image: RgbImage, orientation: number): RgbImage {
  if (!Number.isInteger(orientation) || orientation < 2 || orientation > 8) return image;
  const { width: w, height: h } = image;
  const turned = orientation >= 5;
  const [width, height] = turned ? [h, w] : [w, h];
  type Source = (x: number, y: number) => [number, number];
  const source = ([
    (x, y) => [w - 1 - x, y],
    (x, y) => [w - 1 - x, h - 1 - y],
    (x, y) => [x, h - 1 - y],
    (x, y) => [y, x],
    (x, y) => [y, h - 1 - x],
    (x, y) => [w - 1 - y, h - 1 - x],
    (x, y) => [w - 1 - y, x],
  ] as Source[])[orientation - 2];
  const data = new Uint8Array(image.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = source(x, y);
      const from = (sy * w + sx) * 3;
      const to = (y * width + x) * 3;
      data[to] = image.data[from];
      data[to + 1] = image.data[from + 1];
      data[to + 2] = image.data[from + 2];
    }
  }
  return { width, height, data };
}

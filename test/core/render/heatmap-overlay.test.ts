import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImage, decodeNpy } from '../../../core/image/index.ts';
import { heatmap, overlay, type ScalarMap } from '../../../core/render/index.ts';
import type { RgbImage } from '../../../core/types.ts';
import { sharedDir } from '../../helpers/shared-path.ts';

const photo = decodeImage(new Uint8Array(readFileSync(sharedDir('data', 'imagenet_val_25', '00_hay.png'))));
const saliency = (() => {
  const { shape, data } = decodeNpy(
    new Uint8Array(readFileSync(sharedDir('models', 'squeezenet1_1', 'reference', 'imagenet_val_25', '00_hay.saliency_top.npy'))),
  );
  return { width: shape[1], height: shape[0], data };
})();

function gray(width: number, height: number, level: number): RgbImage {
  return { width, height, data: new Uint8Array(width * height * 3).fill(level) };
}

describe('heatmap', () => {
  it("colors 0 and the max with 'hot' at its ends, opaque", () => {
    const map: ScalarMap = { width: 2, height: 1, data: new Float32Array([0, 3]) };
    const picture = heatmap(map, { clipPercentile: 100 });
    expect([picture.width, picture.height]).toEqual([2, 1]);
    expect(Array.from(picture.data)).toEqual([11, 0, 0, 255, 255, 255, 255, 255]);
  });

  it('renders a real saliency map at its size, fully opaque', () => {
    const picture = heatmap(saliency, { colormap: 'viridis' });
    expect([picture.width, picture.height]).toEqual([224, 224]);
    expect(picture.data.every((value, i) => i % 4 !== 3 || value === 255)).toBe(true);
  });
});

describe('overlay', () => {
  it('with opacity 0 equals the image', () => {
    expect(overlay(photo, saliency, { opacity: 0 }).data).toEqual(photo.data);
  });

  it('dims the photo where the map is zero and shows the colormap, at the opacity, where it is hottest', () => {
    const map: ScalarMap = { width: 2, height: 1, data: new Float32Array([0, 1]) };
    const blended = overlay(gray(2, 1, 100), map, { opacity: 0.5, colormap: 'gray', clipPercentile: 100 });
    // backdrop: 100 towards 0.6·100 = 60 by 0.75·0.5 = 0.375 → 85 (cold pixel, alpha 0)
    // hot pixel: 85 + (255 − 85)·0.5·√1 = 170
    expect(Array.from(blended.data)).toEqual([85, 85, 85, 170, 170, 170]);
  });

  it('resamples a map of another size to the image, bilinearly', () => {
    // A 2×2 map hot only at bottom right, over a 4×4 image of gray 128, default opacity 0.8.
    // Backdrop: 128 towards 0.6·128 = 76.8 by 0.75·0.8 = 0.6 → 97.28; pixel (0, 0) reads 0 → 97.
    // Output pixel (2, 2) sits at source position 1.25 on both axes: 3/4 of the way to the hot cell on
    // each, so the map reads 0.5625 there; gray level round(0.5625·255) = 143; alpha 0.8·√0.5625 = 0.6:
    // 97.28 + (143 − 97.28)·0.6 = 124.71 → 125.
    const map: ScalarMap = { width: 2, height: 2, data: new Float32Array([0, 0, 0, 1]) };
    const blended = overlay(gray(4, 4, 128), map, { colormap: 'gray', clipPercentile: 100 });
    expect([blended.width, blended.height]).toEqual([4, 4]);
    expect(blended.data[0]).toBe(97);
    expect(blended.data[(2 * 4 + 2) * 3]).toBe(125);
    // Pixel (3, 3) reads the hot cell fully: 97.28 + (255 − 97.28)·0.8 = 223.46 → 223
    expect(blended.data[(3 * 4 + 3) * 3]).toBe(223);
  });

  it('refuses an opacity outside [0, 1]', () => {
    expect(() => overlay(photo, saliency, { opacity: 1.5 })).toThrow(expect.objectContaining({ code: 'options/invalid' }));
  });
});

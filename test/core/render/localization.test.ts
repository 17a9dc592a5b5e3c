import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeNpy } from '../../../core/image/index.ts';
import { localize, maskImage, type ScalarMap } from '../../../core/render/index.ts';
import { sharedDir } from '../../helpers/shared-path.ts';

/** A zero map with rectangles of the given value added: [x, y, width, height, value]. */
function mapWithBlobs(width: number, height: number, blobs: Array<[number, number, number, number, number]>): ScalarMap {
  const data = new Float32Array(width * height);
  for (const [left, top, blobWidth, blobHeight, value] of blobs) {
    for (let y = top; y < top + blobHeight; y++) for (let x = left; x < left + blobWidth; x++) data[y * width + x] = value;
  }
  return { width, height, data };
}

describe('localize', () => {
  it("boxes a bright blob smaller than 5% of the map at exactly the blob's extent", () => {
    // 10×7 = 70 of 2000 pixels (3.5%): the 95th percentile is 0, and zero never counts as salient.
    const result = localize(mapWithBlobs(50, 40, [[10, 5, 10, 7, 1]]));
    expect(result.box).toEqual({ x: 10, y: 5, width: 10, height: 7 });
    expect(result.coverage).toBeCloseTo(70 / 2000, 10);
    expect(result.mask.reduce((sum, value) => sum + value, 0)).toBe(70);
  });

  it('boxes a graded blob larger than 5% at the threshold, and ignores a smaller second blob', () => {
    // A 20×10 plateau at 1 (10% of the map) with a 5×5 peak at 3 inside it, plus a 3×3 speck at 2.
    const map = mapWithBlobs(50, 40, [[5, 20, 20, 10, 1], [12, 22, 5, 5, 3], [40, 2, 3, 3, 2]]);
    const result = localize(map);
    expect(result.threshold).toBe(1);
    expect(result.box).toEqual({ x: 5, y: 20, width: 20, height: 10 });
    expect(result.coverage).toBeCloseTo((200 + 9) / 2000, 10);
  });

  it('uses 4-connectivity: diagonal neighbours are separate regions', () => {
    const map = mapWithBlobs(10, 10, [[0, 0, 2, 2, 1], [2, 2, 1, 1, 1], [5, 5, 3, 1, 1]]);
    expect(localize(map, { quantile: 0.5 }).box).toEqual({ x: 0, y: 0, width: 2, height: 2 });
  });

  it('gives no box and no NaN for an all-zero map', () => {
    const result = localize({ width: 8, height: 6, data: new Float32Array(48) });
    expect(result).toEqual({ threshold: 0, mask: new Uint8Array(48), box: null, coverage: 0 });
  });

  it('keeps about 5% of a real saliency map and boxes a region inside it', () => {
    const { shape, data } = decodeNpy(
      new Uint8Array(readFileSync(sharedDir('models', 'squeezenet1_1', 'reference', 'imagenet_val_25', '04_brown_bear.saliency_top.npy'))),
    );
    expect(shape).toEqual([224, 224]);
    const result = localize({ width: 224, height: 224, data });
    expect(result.coverage).toBeGreaterThan(0.045);
    expect(result.coverage).toBeLessThan(0.055);
    expect(result.box).not.toBeNull();
    const box = result.box!;
    expect(box.x + box.width).toBeLessThanOrEqual(224);
    expect(box.y + box.height).toBeLessThanOrEqual(224);
    expect(box.width * box.height).toBeGreaterThan(0);
  });

  it('refuses a quantile outside [0, 1)', () => {
    expect(() => localize(mapWithBlobs(2, 2, []), { quantile: 1 })).toThrow(expect.objectContaining({ code: 'options/invalid' }));
  });
});

describe('maskImage', () => {
  it('dims pixels outside the mask, keeps those inside and outlines the box', () => {
    const image = { width: 8, height: 8, data: new Uint8Array(8 * 8 * 3).fill(200) };
    const { mask, box } = localize(mapWithBlobs(8, 8, [[2, 2, 4, 4, 1]]));
    const masked = maskImage(image, mask, { box });
    const at = (x: number, y: number) => Array.from(masked.data.subarray((y * 8 + x) * 3, (y * 8 + x) * 3 + 3));
    expect(at(0, 0)).toEqual([60, 60, 60]); // 200 · 0.3
    expect(at(2, 2)).toEqual([0, 255, 0]); // the box's 1-pixel border
    expect(at(5, 3)).toEqual([0, 255, 0]);
    expect(at(3, 3)).toEqual([200, 200, 200]); // inside the border, salient: untouched
    expect(at(6, 6)).toEqual([60, 60, 60]);
  });

  it("outlines the mask's largest region when no box is given, and nothing for box null", () => {
    const image = { width: 8, height: 8, data: new Uint8Array(8 * 8 * 3).fill(100) };
    const { mask } = localize(mapWithBlobs(8, 8, [[1, 1, 3, 3, 1]]));
    expect(Array.from(maskImage(image, mask).data.subarray((1 * 8 + 1) * 3, (1 * 8 + 1) * 3 + 3))).toEqual([0, 255, 0]);
    expect(Array.from(maskImage(image, mask, { box: null }).data.subarray((1 * 8 + 1) * 3, (1 * 8 + 1) * 3 + 3))).toEqual([100, 100, 100]);
  });

  it('refuses a mask of another size', () => {
    const image = { width: 4, height: 4, data: new Uint8Array(48) };
    expect(() => maskImage(image, new Uint8Array(15))).toThrow(expect.objectContaining({ code: 'options/invalid' }));
  });
});

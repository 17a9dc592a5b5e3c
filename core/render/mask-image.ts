import { GradlensError } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import type { Box } from './box.ts';
import { BOX_COLOR, DIMMED_BRIGHTNESS } from './constants.ts';
import { largestComponent } from './largest-component.ts';

export interface MaskImageOptions {
  /** Box to outline; by default the largest region of the mask, null for none. */
  box?: Box | null;
  /** Fraction of brightness kept outside the mask, in [0, 1]; default 0.3. */
  dimmedBrightness?: number;
  boxColor?: [number, number, number];
}

/**
 * The image with its non-salient pixels dimmed and the localization box outlined: the picture of
 * what the network found. The mask must have the image's size (resample the map before localizing).
 *
 * @example
 * const { mask, box } = localize(saliency);
 * const picture = maskImage(image224, mask, { box });
 */
export function maskImage(image: RgbImage, mask: Uint8Array, options: MaskImageOptions = {}): RgbImage {
  const { width, height } = image;
  if (mask.length !== width * height) {
    throw new GradlensError(
      'options/invalid',
      `The mask has ${mask.length} pixels but the image is ${width}×${height}.`,
      'Localize a map of the image size (resampleMap) before masking.',
    );
  }
  const dimmedBrightness = options.dimmedBrightness ?? DIMMED_BRIGHTNESS;
  if (!(dimmedBrightness >= 0 && dimmedBrightness <= 1)) {
    throw new GradlensError('options/invalid', `dimmedBrightness must be in [0, 1], got ${dimmedBrightness}.`);
  }
  const data = new Uint8Array(image.data.length);
  for (let pixel = 0; pixel < mask.length; pixel++) {
    const keep = mask[pixel] === 1 ? 1 : dimmedBrightness;
    for (let channel = 0; channel < 3; channel++) {
      data[pixel * 3 + channel] = Math.round(image.data[pixel * 3 + channel] * keep);
    }
  }
  const box = options.box !== undefined ? options.box : (largestComponent(mask, width, height)?.box ?? null);
  if (box) outlineBox({ width, height, data }, box, options.boxColor ?? BOX_COLOR);
  return { width, height, data };
}

/** Draws the box's border inside its extent, thick enough to see on a photo of any size. */
function outlineBox(image: RgbImage, box: Box, color: [number, number, number]): void {
  const thicknessPx = Math.max(1, Math.round(Math.min(image.width, image.height) / 112));
  const left = Math.max(0, box.x);
  const top = Math.max(0, box.y);
  const right = Math.min(image.width, box.x + box.width) - 1;
  const bottom = Math.min(image.height, box.y + box.height) - 1;
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      const onBorder =
        x - left < thicknessPx || right - x < thicknessPx || y - top < thicknessPx || bottom - y < thicknessPx;
      if (onBorder) image.data.set(color, (y * image.width + x) * 3);
    }
  }
}

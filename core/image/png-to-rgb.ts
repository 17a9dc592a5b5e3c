import { GradlensError } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import type { PngSamples } from './decode-png-samples.ts';
import { overWhite } from './flatten-alpha.ts';
import { unpackSamples } from './unpack-samples.ts';

type Samples = Uint8Array | Uint8ClampedArray | Uint16Array;

/**
 * 8-bit RGB on white from a PNG's decoded samples: gray, gray+alpha, palette (with or without tRNS
 * alpha), RGB, RGBA, at 1 to 16 bits a sample, with tRNS color keys honoured.
 */
export function pngToRgb(png: PngSamples): RgbImage {
  const { width, height, channels, depth } = png;
  const samples: Samples = depth < 8 ? unpackSamples(png.data as Uint8Array, width, height, depth) : png.data;
  if (samples.length < width * height * channels) {
    throw new GradlensError('image/corrupt', 'The PNG file holds fewer pixels than its header declares.');
  }
  // An RGB file may carry a suggested palette too; only single-channel files are indexed.
  if (channels === 1 && png.palette) return paletteToRgb(samples, width, height, png.palette);
  return directColorToRgb(samples, png);
}

/** Gray or truecolor samples, with or without an alpha channel, to 8-bit RGB on white. */
function directColorToRgb(samples: Samples, png: PngSamples): RgbImage {
  const { width, height, channels, depth } = png;
  const pixelCount = width * height;
  const toByte = sampleToByte(depth);
  const hasAlphaChannel = channels === 2 || channels === 4;
  const colorChannels = hasAlphaChannel ? channels - 1 : channels;
  // For gray and RGB files, tRNS names one exact color (in file samples) that is fully transparent.
  const colorKey = !hasAlphaChannel && png.transparency?.length === colorChannels ? png.transparency : undefined;
  const rgb = new Uint8Array(pixelCount * 3);
  for (let pixel = 0; pixel < pixelCount; pixel++) {
    const first = pixel * channels;
    let alpha = 255;
    if (hasAlphaChannel) alpha = toByte(samples[first + colorChannels]);
    else if (colorKey && matchesColorKey(samples, first, colorKey)) alpha = 0;
    for (let channel = 0; channel < 3; channel++) {
      const color = toByte(samples[first + (colorChannels === 1 ? 0 : channel)]);
      rgb[pixel * 3 + channel] = alpha === 255 ? color : overWhite(color, alpha);
    }
  }
  return { width, height, data: rgb };
}

function matchesColorKey(samples: Samples, first: number, colorKey: Uint16Array): boolean {
  for (let channel = 0; channel < colorKey.length; channel++) {
    if (samples[first + channel] !== colorKey[channel]) return false;
  }
  return true;
}

/** Palette indices to RGB, each palette entry flattened on white once rather than once a pixel. */
function paletteToRgb(indices: Samples, width: number, height: number, palette: ReadonlyArray<ReadonlyArray<number>>): RgbImage {
  const entryRgb = new Uint8Array(palette.length * 3);
  palette.forEach(([red, green, blue, alpha = 255], entry) => {
    entryRgb[entry * 3] = overWhite(red, alpha);
    entryRgb[entry * 3 + 1] = overWhite(green, alpha);
    entryRgb[entry * 3 + 2] = overWhite(blue, alpha);
  });
  const pixelCount = width * height;
  const rgb = new Uint8Array(pixelCount * 3);
  for (let pixel = 0; pixel < pixelCount; pixel++) {
    const entry = indices[pixel];
    if (entry >= palette.length) {
      throw new GradlensError(
        'image/corrupt',
        `The PNG file uses palette entry ${entry} but its palette has only ${palette.length} colors.`,
      );
    }
    rgb[pixel * 3] = entryRgb[entry * 3];
    rgb[pixel * 3 + 1] = entryRgb[entry * 3 + 1];
    rgb[pixel * 3 + 2] = entryRgb[entry * 3 + 2];
  }
  return { width, height, data: rgb };
}

/** Maps a sample of the given bit depth onto 0..255, rounding to the nearest byte. */
function sampleToByte(depth: number): (sample: number) => number {
  if (depth === 8) return (sample) => sample;
  if (depth === 16) return (sample) => Math.round(sample / 257);
  // 1, 2 and 4 bits: 255 is an exact multiple of 2^d − 1, so this stays an integer.
  const scale = 255 / ((1 << depth) - 1);
  return (sample) => sample * scale;
}

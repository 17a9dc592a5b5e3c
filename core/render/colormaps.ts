import { GradlensError } from '../errors.ts';

export type ColormapName = 'hot' | 'viridis' | 'gray';

export const COLORMAP_NAMES: readonly ColormapName[] = ['hot', 'viridis', 'gray'];

/** A color at position t of a colormap, channels in 0..255; colors between stops are interpolated linearly. */
interface ColorStop {
  t: number;
  rgb: [number, number, number];
}

/**
 * matplotlib's 'hot' (black → red → yellow → white): its segment data has red rise until
 * t = 0.365079, green until 0.746032, blue until 1, and red start at 0.0416, not 0.
 */
const HOT: ColorStop[] = [
  { t: 0, rgb: [0.0416 * 255, 0, 0] },
  { t: 0.365079, rgb: [255, 0, 0] },
  { t: 0.746032, rgb: [255, 255, 0] },
  { t: 1, rgb: [255, 255, 255] },
];

/** matplotlib's 'viridis' sampled at 16 evenly spaced points (the values of viridis(16)). */
const VIRIDIS_HEX = [
  '440154', '481a6c', '472f7d', '414487', '39568c', '31688e', '2a788e', '23888e',
  '1f988b', '22a884', '35b779', '54c568', '7ad151', 'a5db36', 'd2e21b', 'fde725',
];
const VIRIDIS: ColorStop[] = VIRIDIS_HEX.map((hex, i) => ({
  t: i / (VIRIDIS_HEX.length - 1),
  rgb: [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as [number, number, number],
}));

const GRAY: ColorStop[] = [
  { t: 0, rgb: [0, 0, 0] },
  { t: 1, rgb: [255, 255, 255] },
];

const COLORMAPS: Record<ColormapName, ColorStop[]> = { hot: HOT, viridis: VIRIDIS, gray: GRAY };

/**
 * The 8-bit color of a colormap at t in [0, 1] (values outside are clamped, NaN reads as 0).
 *
 * @example
 * colormap('hot', 1); // [255, 255, 255]
 */
export function colormap(name: ColormapName, t: number): [number, number, number] {
  const stops = colormapStops(name);
  const position = Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t));
  let upper = 1;
  while (upper < stops.length - 1 && stops[upper].t < position) upper++;
  const below = stops[upper - 1];
  const above = stops[upper];
  const fraction = (position - below.t) / (above.t - below.t);
  return [0, 1, 2].map((channel) =>
    Math.round(below.rgb[channel] + (above.rgb[channel] - below.rgb[channel]) * fraction),
  ) as [number, number, number];
}

/** 256 colors of a colormap (RGB, 3 bytes each) for coloring many pixels by table lookup. */
export function colormapTable(name: ColormapName): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let level = 0; level < 256; level++) table.set(colormap(name, level / 255), level * 3);
  return table;
}

function colormapStops(name: ColormapName): ColorStop[] {
  const stops = Object.hasOwn(COLORMAPS, name) ? COLORMAPS[name] : undefined;
  if (!stops) {
    throw new GradlensError('options/invalid', `Unknown colormap "${String(name)}".`, `Use one of ${COLORMAP_NAMES.join(', ')}.`);
  }
  return stops;
}

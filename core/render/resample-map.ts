import { resampleWeights } from '../image/resample-weights.ts';
import type { ScalarMap } from './scalar-map.ts';

/**
 * A map resampled to width × height with the image resizer's weights: bilinear when enlarging
 * (a 224-pixel saliency map over a photo), averaging when shrinking. Values stay in the map's range.
 */
export function resampleMap(map: ScalarMap, width: number, height: number): ScalarMap {
  if (width === map.width && height === map.height) return map;
  const columns = resampleWeights(map.width, width);
  const rows = resampleWeights(map.height, height);
  const rowsResampled = new Float32Array(width * map.height);
  for (let y = 0; y < map.height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let tap = 0; tap < columns.taps; tap++) {
        const weight = columns.weights[x * columns.taps + tap];
        if (weight !== 0) sum += weight * map.data[y * map.width + columns.first[x] + tap];
      }
      rowsResampled[y * width + x] = sum;
    }
  }
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let tap = 0; tap < rows.taps; tap++) {
      const weight = rows.weights[y * rows.taps + tap];
      if (weight === 0) continue;
      const sourceRow = (rows.first[y] + tap) * width;
      for (let x = 0; x < width; x++) data[y * width + x] += weight * rowsResampled[sourceRow + x];
    }
  }
  return { width, height, data };
}

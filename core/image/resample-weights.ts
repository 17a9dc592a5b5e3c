/** Precomputed taps of a 1-D resampling: output sample i = Σ_k weights[i·taps + k] · source[first[i] + k]. */
export interface ResampleWeights {
  /** Source index of each output sample's first tap. */
  first: Int32Array;
  /** Taps stored for every output sample; unused taps have weight 0. */
  taps: number;
  /** `taps` weights per output sample, summing to 1. */
  weights: Float64Array;
}

/**
 * Triangle-filter taps for resampling `sourceSize` samples to `outputSize`. When shrinking, the
 * triangle is widened by the shrink factor so every source pixel contributes (antialiasing: a
 * 4000-px photo shrunk to 224 averages ~18 pixels a tap instead of skipping them); when enlarging
 * it spans one source pixel each side, which is bilinear interpolation.
 */
export function resampleWeights(sourceSize: number, outputSize: number): ResampleWeights {
  const scale = sourceSize / outputSize;
  const filterScale = Math.max(scale, 1);
  const radius = filterScale;
  const taps = Math.ceil(2 * radius) + 2;
  const first = new Int32Array(outputSize);
  const weights = new Float64Array(outputSize * taps);
  for (let output = 0; output < outputSize; output++) {
    // Pixel centers align: output pixel i covers source [i·scale, (i+1)·scale).
    const center = (output + 0.5) * scale;
    const start = Math.max(0, Math.floor(center - radius));
    const end = Math.min(sourceSize, Math.ceil(center + radius));
    let sum = 0;
    for (let source = start; source < end; source++) {
      const weight = Math.max(0, 1 - Math.abs(source + 0.5 - center) / filterScale);
      weights[output * taps + (source - start)] = weight;
      sum += weight;
    }
    // Near the borders part of the triangle falls outside the image; renormalizing keeps
    // a constant image constant there.
    for (let tap = 0; tap < taps; tap++) weights[output * taps + tap] /= sum;
    first[output] = start;
  }
  return { first, taps, weights };
}

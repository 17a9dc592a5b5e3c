import * as tf from '@tensorflow/tfjs-core';

/*
 * Kernels derived from a convolution's HWIO kernel for its input gradient, computed once when the model
 * is built. They are plain index permutations, written here on the host values rather than with tensor
 * ops: rank-5/6 reverse, transpose and slice are missing or wrong on some backends (WebGL has no rank-5
 * reverse, WebGPU mis-slices rank 6), and at load time the values are still on the host anyway.
 */

/**
 * Kernel that turns the input gradient of a stride-1 convolution into a forward convolution:
 * spatially flipped, in/out channels swapped. out[i, j, o, c] = W[kh−1−i, kw−1−j, c, o].
 */
export function flippedTransposedKernel(kernel: tf.Tensor4D): tf.Tensor4D {
  const [kh, kw, inChannels, outChannels] = kernel.shape;
  const w = kernel.dataSync();
  const out = new Float32Array(w.length);
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const from = ((kh - 1 - i) * kw + (kw - 1 - j)) * inChannels * outChannels;
      const to = (i * kw + j) * outChannels * inChannels;
      for (let c = 0; c < inChannels; c++) {
        for (let o = 0; o < outChannels; o++) out[to + o * inChannels + c] = w[from + c * outChannels + o];
      }
    }
  }
  return tf.tensor4d(out, [kh, kw, outChannels, inChannels]);
}

/**
 * Sub-pixel kernels of a stride-s convolution's input gradient (see strided-conv-input-gradient.ts):
 * one per row residue a, [T, T, outChannels, s·inChannels] with T = ⌈k/s⌉ and
 * K_a[T−1−t, T−1−t′, o, b·inChannels + c] = W[a + s·t, b + s·t′, c, o], zero past the kernel's edge.
 */
export function polyphaseKernels(kernel: tf.Tensor4D, stride: number): tf.Tensor4D[] {
  const [kh, kw, inChannels, outChannels] = kernel.shape;
  const taps = Math.ceil(Math.max(kh, kw) / stride);
  const w = kernel.dataSync();
  const phaseChannels = stride * inChannels;
  return Array.from({ length: stride }, (_, a) => {
    const out = new Float32Array(taps * taps * outChannels * phaseChannels);
    for (let t = 0; t < taps; t++) {
      for (let u = 0; u < taps; u++) {
        for (let b = 0; b < stride; b++) {
          const [row, col] = [a + stride * t, b + stride * u];
          if (row >= kh || col >= kw) continue;
          const from = (row * kw + col) * inChannels * outChannels;
          const to = ((taps - 1 - t) * taps + (taps - 1 - u)) * outChannels * phaseChannels + b * inChannels;
          for (let o = 0; o < outChannels; o++) {
            for (let c = 0; c < inChannels; c++) out[to + o * phaseChannels + c] = w[from + c * outChannels + o];
          }
        }
      }
    }
    return tf.tensor4d(out, [taps, taps, outChannels, phaseChannels]);
  });
}

import * as tf from '@tensorflow/tfjs-core';
import { cropWindow } from './crop-window.ts';

/*
 * Sub-pixel (polyphase) form of a strided convolution's input gradient. With stride s, input row
 * s·u + a only meets kernel rows a, a + s, a + 2s, … of the windows u, u − 1, u − 2, …, so every
 * residue a is a stride-1 correlation of the upstream gradient with a small (⌈k/s⌉ × ⌈k/s⌉) kernel.
 * One forward convolution per row residue yields every column residue at once as channels
 * (b, c), which is exactly the memory order of interleaved columns; stacking the row residues
 * interleaves the rows. Forward convolutions and one concat (plus a crop when the residue grid
 * overshoots the input): the WASM backend's Conv2DBackpropInput is a naive loop (conv1: ~25 ms against
 * ~4 ms this way), and its DepthToSpace and 4-D Slice are slow.
 */

/** ∂L/∂x of y = conv2d(x, W, stride, pad) from ∂L/∂y, x of spatial size `inputHW`, with `polyphaseKernels(W)` (derived-kernels.ts). */
export function stridedConvInputGradient(dy: tf.Tensor4D, kernels: tf.Tensor4D[], stride: number, pad: number, inputHW: [number, number]): tf.Tensor4D {
  return tf.tidy(() => {
    const [m, ho, wo] = dy.shape;
    const taps = kernels[0].shape[0];
    const channels = kernels[0].shape[3] / stride;
    // Residue rows and columns that cover the padded input; the last ones may lie past it.
    const rows = Math.ceil((inputHW[0] + 2 * pad) / stride);
    const cols = Math.ceil((inputHW[1] + 2 * pad) / stride);
    const padding: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [taps - 1, rows - ho], [taps - 1, cols - wo], [0, 0]];
    const phases = kernels.map((k) => tf.reshape(tf.conv2d(dy, k, 1, padding), [m, rows, 1, cols * stride * channels]));
    const grid = tf.reshape(tf.concat(phases, 2), [m, rows * stride, cols * stride, channels]) as tf.Tensor4D;
    const [h, w] = inputHW;
    return pad === 0 && rows * stride === h && cols * stride === w ? grid : cropWindow(grid, [pad, pad], inputHW);
  });
}

/**
 * A VGG16 tensor in PyTorch's layout → the one the layers read: convolution kernels OIHW → HWIO,
 * Linear weights [out, in] → [in, out], and `classifier.0`'s input columns from PyTorch's (C, H, W)
 * flatten order to this implementation's (H, W, C) one (see layers/flatten.ts).
 */
import { GradlensError } from '../../core/errors.ts';
import type { StateDictTensor } from '../architectures.ts';
import { toTfjsLayout } from '../prepare/to-tfjs-layout.ts';
import { VGG16_FLAT_SIDE } from './architecture.ts';

/** [out, C·H·W] with column c·HW + h·W + w → [H·W·C, out] with row (h·W + w)·C + c. */
export function permutedFirstDense(data: Float32Array, out: number, channels: number, side = VGG16_FLAT_SIDE): Float32Array {
  const area = side * side;
  const inputs = channels * area;
  if (data.length !== out * inputs) throw new GradlensError('model/prepare', `classifier.0.weight has ${data.length} values, expected ${out}×${inputs}.`);
  const result = new Float32Array(data.length);
  for (let o = 0; o < out; o++) {
    for (let c = 0; c < channels; c++) {
      for (let p = 0; p < area; p++) result[(p * channels + c) * out + o] = data[o * inputs + c * area + p];
    }
  }
  return result;
}

function transposed(data: Float32Array, rows: number, cols: number): Float32Array {
  const result = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) result[c * rows + r] = data[r * cols + c];
  return result;
}

export function vgg16ServingLayout(tensor: StateDictTensor, data: Float32Array): { shape: number[]; data: Float32Array } {
  if (tensor.shape.length !== 2) return toTfjsLayout(data, tensor.shape);
  const [out, inputs] = tensor.shape;
  const rows = tensor.name === 'classifier.0.weight' ? permutedFirstDense(data, out, inputs / VGG16_FLAT_SIDE ** 2) : transposed(data, out, inputs);
  return { shape: [inputs, out], data: rows };
}

/**
 * A VGG16 state_dict (PyTorch layouts) → the tensors the layers read: convolution kernels OIHW → HWIO,
 * Linear weights [out, in] → [in, out], and `classifier.0`'s input columns from PyTorch's (C, H, W)
 * flatten order to this implementation's (H, W, C) one (see layers/flatten.ts). Tensors are converted
 * one at a time as they are read.
 */
import { GradlensError } from '../../core/errors.ts';
import { toTfjsLayout } from '../prepare/to-tfjs-layout.ts';
import type { TensorRecord } from '../pytorch/read-state-dict.ts';

/** Side of the feature map `classifier.0` sees: 7×7 for a 224×224 input. */
const FLAT_SIDE = 7;

export interface ServingTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** [out, C·H·W] with column c·HW + h·W + w → [H·W·C, out] with row (h·W + w)·C + c. */
export function permutedFirstDense(data: Float32Array, out: number, channels: number, side = FLAT_SIDE): Float32Array {
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

export async function* vgg16ServingTensors(records: TensorRecord[]): AsyncGenerator<ServingTensor> {
  const lastConv = records.filter((r) => r.name.startsWith('features.') && r.name.endsWith('.weight')).at(-1);
  if (!lastConv) throw new GradlensError('model/prepare', 'The checkpoint has no features.N.weight: not a VGG16 state_dict.');
  const channels = lastConv.shape[0];
  for (const record of records) {
    const data = await record.read();
    if (record.shape.length === 4) {
      yield { name: record.name, ...toTfjsLayout(data, record.shape) };
    } else if (record.shape.length === 2) {
      const [out, inputs] = record.shape;
      const rows = record.name === 'classifier.0.weight' ? permutedFirstDense(data, out, channels) : transposed(data, out, inputs);
      yield { name: record.name, shape: [inputs, out], data: rows };
    } else {
      yield { name: record.name, shape: record.shape, data };
    }
  }
}

import { GradlensError } from '../../core/errors.ts';
import type { Architecture, StateDictTensor } from '../architectures.ts';
import type { TensorRecord } from '../pytorch/read-state-dict.ts';

/** A tensor ready for the serving format: its name in the layers, TF.js layout, float32. */
export interface ServingTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;

/**
 * The checkpoint's tensors by torchvision key (without `nn.DataParallel`'s `module.` in front of every
 * one), and the tensors its architecture needs with the widths read from them.
 */
export function expectedTensors(architecture: Architecture, records: TensorRecord[]): { byKey: Map<string, TensorRecord>; expected: StateDictTensor[] } {
  const prefix = records.length > 0 && records.every((r) => r.name.startsWith('module.')) ? 'module.' : '';
  const byKey = new Map(records.map((r) => [r.name.slice(prefix.length), r]));
  return { byKey, expected: architecture.stateDict((key) => byKey.get(key)?.shape) };
}

/**
 * Checks a state_dict against its architecture — every key present, every shape the one the layers
 * chain to, nothing else — and yields its tensors converted one at a time, as they are read. Keys
 * saved from `nn.DataParallel` (`module.` in front of every one) are accepted.
 */
export async function* checkpointTensors(architecture: Architecture, records: TensorRecord[], file: string): AsyncGenerator<ServingTensor> {
  const { byKey, expected } = expectedTensors(architecture, records);
  const problem = (message: string) => new GradlensError('model/prepare', `${file}: ${message}`, `--arch ${architecture.id} reads a torchvision ${architecture.name} state_dict (torch.save(model.state_dict(), FILE)).`);
  for (const tensor of expected) {
    const record = byKey.get(tensor.key);
    if (!record) throw problem(`missing key ${tensor.key} (a ${architecture.name} state_dict has ${expected.length} tensors).`);
    if (shapeText(record.shape) !== shapeText(tensor.shape)) {
      throw problem(`wrong shape for ${tensor.key}: ${shapeText(record.shape)}, where ${architecture.name} needs ${shapeText(tensor.shape)}.`);
    }
  }
  const known = new Set(expected.map((t) => t.key));
  const extra = [...byKey.keys()].find((key) => !known.has(key));
  if (extra) throw problem(`unexpected key ${extra}: not part of ${architecture.name}.`);
  for (const tensor of expected) {
    const data = await byKey.get(tensor.key)!.read();
    yield { name: tensor.name, ...architecture.servingLayout(tensor, data) };
  }
}

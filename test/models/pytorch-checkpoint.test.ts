import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileSource, memorySource } from '../../models/pytorch/byte-sources.ts';
import { readStateDict, type TensorRecord } from '../../models/pytorch/read-state-dict.ts';
import { sharedDir } from '../helpers/shared-path.ts';

const legacyFile = sharedDir('models/vgg16', 'vgg16-mini-legacy.pth');
const zipFile = sharedDir('models/vgg16', 'vgg16-mini-zip.pth');

/** torchvision vgg16's keys with every width divided by 8 (../shared/models/vgg16/README.md). */
const CONVS = [0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28];
const WIDTHS = [8, 8, 16, 16, 32, 32, 32, 64, 64, 64, 64, 64, 64];

async function all(records: TensorRecord[]): Promise<Map<string, { shape: number[]; data: Float32Array }>> {
  const out = new Map<string, { shape: number[]; data: Float32Array }>();
  for (const r of records) out.set(r.name, { shape: r.shape, data: await r.read() });
  return out;
}

describe('PyTorch checkpoints', () => {
  it('reads the legacy and the zip serialization of the same state_dict to identical tensors', async () => {
    const legacy = await fileSource(legacyFile);
    const zip = await fileSource(zipFile);
    try {
      const a = await all(await readStateDict(legacy));
      const b = await all(await readStateDict(zip));
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [name, tensor] of a) {
        expect(b.get(name)!.shape, name).toEqual(tensor.shape);
        expect(Buffer.from(b.get(name)!.data.buffer).equals(Buffer.from(tensor.data.buffer)), name).toBe(true);
      }
    } finally {
      await legacy.close();
      await zip.close();
    }
  });

  it('finds torchvision’s key names and shapes, in the file’s order', async () => {
    const records = await readStateDict(memorySource(new Uint8Array(readFileSync(legacyFile))));
    const expected: [string, number[]][] = [];
    let inputs = 3;
    CONVS.forEach((index, k) => {
      expected.push([`features.${index}.weight`, [WIDTHS[k], inputs, 3, 3]], [`features.${index}.bias`, [WIDTHS[k]]]);
      inputs = WIDTHS[k];
    });
    expected.push(['classifier.0.weight', [128, 64 * 7 * 7]], ['classifier.0.bias', [128]]);
    expected.push(['classifier.3.weight', [128, 128]], ['classifier.3.bias', [128]]);
    expected.push(['classifier.6.weight', [1000, 128]], ['classifier.6.bias', [1000]]);
    expect(records.map((r) => [r.name, r.shape])).toEqual(expected);
    // He-normal weights: finite, centred, with the spread of sqrt(2 / fan-in).
    const first = await records[0].read();
    expect(first.every(Number.isFinite)).toBe(true);
    const std = Math.sqrt(first.reduce((s, v) => s + v * v, 0) / first.length);
    expect(std).toBeGreaterThan(0.3 * Math.sqrt(2 / 27));
    expect(std).toBeLessThan(3 * Math.sqrt(2 / 27));
  });

  it.each([
    ['a truncated legacy file', () => readFileSync(legacyFile).subarray(0, 200_000), /cut short/],
    ['a truncated zip file', () => readFileSync(zipFile).subarray(0, 200_000), /central directory/],
    ['random bytes', () => Buffer.from('not a checkpoint, just text'), /neither a zip archive nor a legacy pickle/],
    ['a pickle that calls os.system', () => Buffer.from('\x80\x02cos\nsystem\nq\x00X\x02\x00\x00\x00lsq\x01\x85q\x02Rq\x03.', 'latin1'), /os\.system/],
  ])('refuses %s with one clear line', async (_, bytes, message) => {
    const read = async () => {
      const records = await readStateDict(memorySource(new Uint8Array(bytes())));
      for (const r of records) await r.read();
    };
    await expect(read()).rejects.toMatchObject({ code: 'model/prepare', message: expect.stringMatching(message) });
  });
});

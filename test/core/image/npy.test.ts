import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeNpy, encodeNpy } from '../../../core/image/index.ts';
import { sharedDir } from '../../helpers/shared-path.ts';

const referenceInput = new Uint8Array(
  readFileSync(sharedDir('models', 'squeezenet1_1', 'reference', 'test_data_set_0', 'input_0.npy')),
);

function headerOf(npy: Uint8Array): string {
  const headerLength = npy[8] | (npy[9] << 8);
  return new TextDecoder().decode(npy.subarray(10, 10 + headerLength));
}

/** A .npy with a hand-written version 1.0 header and the given payload. */
function npyWithHeader(dictionary: string, payload: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`${dictionary}\n`);
  const bytes = new Uint8Array(10 + header.length + payload.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  bytes.set(header, 10);
  bytes.set(payload, 10 + header.length);
  return bytes;
}

describe('.npy', () => {
  it('decodes the real reference input: shape [1, 3, 224, 224] and the values numpy reads', () => {
    const { shape, data } = decodeNpy(referenceInput);
    expect(shape).toEqual([1, 3, 224, 224]);
    expect(data).toHaveLength(3 * 224 * 224);
    // First values, as printed by numpy.load(...).flat[:5]
    expect(data[0]).toBeCloseTo(71.538315, 4);
    expect(data[1]).toBeCloseTo(34.374847, 4);
    expect(data[2]).toBeCloseTo(250.31978, 3);
    expect(data[3]).toBeCloseTo(143.98395, 4);
    // a[0, :, 0, 0]: the first pixel of each channel plane
    expect(data[224 * 224]).toBeCloseTo(94.05581, 4);
    expect(data[2 * 224 * 224]).toBeCloseTo(77.6565, 4);
  });

  it('encodes byte for byte what numpy.save wrote for the same array', () => {
    const { shape, data } = decodeNpy(referenceInput);
    expect(Buffer.from(encodeNpy(data, shape)).equals(Buffer.from(referenceInput))).toBe(true);
  });

  it('round-trips 1-D, 2-D and 0-D arrays with a 64-byte-aligned header ending in a newline', () => {
    const cases: Array<[number[], number[]]> = [
      [[5], [1, -2.5, 3e-8, Number.POSITIVE_INFINITY, 0]],
      [[2, 3], [0, 1, 2, 3, 4, 5]],
      [[], [42]],
      [[0, 4], []],
    ];
    for (const [shape, values] of cases) {
      const bytes = encodeNpy(new Float32Array(values), shape);
      const header = headerOf(bytes);
      expect((10 + header.length) % 64).toBe(0);
      expect(header.endsWith('\n')).toBe(true);
      expect(header).toContain("'descr': '<f4'");
      expect(header).toContain("'fortran_order': False");
      expect(decodeNpy(bytes)).toEqual({ shape, data: new Float32Array(values) });
    }
    expect(headerOf(encodeNpy(new Float32Array(5), [5]))).toContain("'shape': (5,)");
  });

  it('refuses a shape that does not match the data', () => {
    expect(() => encodeNpy(new Float32Array(6), [2, 2])).toThrow(expect.objectContaining({ code: 'options/invalid' }));
  });

  it('refuses other dtypes and Fortran order as unsupported, naming the reason', () => {
    const f8 = npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(8));
    expect(() => decodeNpy(f8)).toThrow(expect.objectContaining({ code: 'image/unsupported', message: expect.stringContaining('<f8') }));
    const fortran = npyWithHeader("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new Uint8Array(16));
    expect(() => decodeNpy(fortran)).toThrow(expect.objectContaining({ code: 'image/unsupported', message: expect.stringContaining('Fortran') }));
  });

  it('refuses a bad magic string or data cut short as corrupt', () => {
    expect(() => decodeNpy(new TextEncoder().encode('not a numpy file at all'))).toThrow(expect.objectContaining({ code: 'image/corrupt' }));
    expect(() => decodeNpy(referenceInput.subarray(0, 1000))).toThrow(expect.objectContaining({ code: 'image/corrupt' }));
  });
});

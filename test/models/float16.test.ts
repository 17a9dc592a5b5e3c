import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { floatToHalf, fromFloat16, halfToFloat, toFloat16 } from '../../models/float16.ts';
import { shardWriter } from '../../models/prepare/shard-writer.ts';

describe('half precision', () => {
  it('encodes the values IEEE 754 defines exactly', () => {
    const cases: [number, number][] = [
      [0, 0x0000], [-0, 0x8000], [1, 0x3c00], [-2, 0xc000], [0.5, 0x3800], [65504, 0x7bff],
      [2 ** -14, 0x0400], [2 ** -24, 0x0001], [Infinity, 0x7c00], [-Infinity, 0xfc00],
    ];
    for (const [value, bits] of cases) {
      expect(floatToHalf(value), String(value)).toBe(bits);
      expect(Object.is(halfToFloat(bits), value), String(value)).toBe(true);
    }
    expect(Number.isNaN(halfToFloat(floatToHalf(NaN)))).toBe(true);
  });

  it('rounds to nearest, ties to even; overflows to infinity and underflows to zero', () => {
    expect(floatToHalf(1 + 2 ** -11)).toBe(0x3c00); // halfway between 1 and 1 + 2⁻¹⁰: to the even one
    expect(floatToHalf(1 + 3 * 2 ** -11)).toBe(0x3c02); // halfway between 1 + 2⁻¹⁰ and 1 + 2·2⁻¹⁰: to the even one
    expect(floatToHalf(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01); // just above halfway: up
    expect(floatToHalf(65520)).toBe(0x7c00);
    expect(floatToHalf(2 ** -26)).toBe(0x0000);
    expect(floatToHalf(3 * 2 ** -26)).toBe(0x0001);
  });

  it('keeps every value of a weight-like range within half a unit in the last place', () => {
    const values = Float32Array.from({ length: 10_000 }, (_, i) => Math.sin(i * 12.9898) * 3 * 10 ** -((i % 5) + 1));
    const back = fromFloat16(toFloat16(values));
    for (let i = 0; i < values.length; i++) {
      const ulp = Math.max(2 ** (Math.floor(Math.log2(Math.abs(values[i]))) - 10), 2 ** -24);
      expect(Math.abs(back[i] - values[i])).toBeLessThanOrEqual(ulp / 2);
    }
  });
});

describe('shards', () => {
  it('cuts a byte stream into files of at most the shard size, each with its SHA-256, whose concatenation is the stream', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'gradlens-shards-'));
    try {
      const writer = shardWriter(dir, 'float32', 1000);
      const stream = Uint8Array.from({ length: 2_345 }, (_, i) => (i * 7) % 251);
      for (const [from, to] of [[0, 10], [10, 1500], [1500, 2000], [2000, 2345]]) await writer.append(stream.subarray(from, to));
      const files = await writer.finish();
      expect(files.map((f) => [f.name, f.bytes])).toEqual([['float32-000.bin', 1000], ['float32-001.bin', 1000], ['float32-002.bin', 345]]);
      const joined = Buffer.concat(await Promise.all(files.map((f) => readFile(path.join(dir, f.name)))));
      expect(new Uint8Array(joined)).toEqual(stream);
      for (const f of files) expect(createHash('sha256').update(await readFile(path.join(dir, f.name))).digest('hex')).toBe(f.sha256);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

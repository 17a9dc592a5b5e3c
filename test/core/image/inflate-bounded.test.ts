import { crc32 as nodeCrc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32 } from '../../../core/image/adler32.ts';
import { crc32 } from '../../../core/image/crc32.ts';
import { inflateBounded, type InflateBounds } from '../../../core/image/inflate-bounded.ts';
import { zlibOfZeros } from '../../helpers/zlib-zeros.ts';

function exactly(length: number): InflateBounds {
  return { length, tooLong: () => new Error('too long'), tooShort: (inflated) => new Error(`too short: ${inflated}`) };
}

/** Deterministic test data: runs, repeats near and far, and noise over a chosen alphabet. */
function testData(length: number, seed: number): Uint8Array {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const data = new Uint8Array(length);
  const alphabet = 1 + Math.floor(random() * 256);
  for (let i = 0; i < length; i++) {
    const roll = random();
    if (roll < 0.2 && i > 0) data[i] = data[i - 1];
    else if (roll < 0.45 && i > 40_000) data[i] = data[i - 1 - Math.floor(random() * 32_000)];
    else data[i] = Math.floor(random() * alphabet);
  }
  return data;
}

const SAMPLES = [new Uint8Array(0), new Uint8Array(1), new Uint8Array(70_000), testData(100, 1), testData(150_000, 2), testData(300_000, 3)];

describe('inflateBounded', () => {
  it.each([
    ['default', {}],
    ['stored blocks (level 0)', { level: 0 }],
    ['fixed Huffman codes', { strategy: 4 }],
    ['Huffman only (literals)', { strategy: 2 }],
    ['run-length (distance 1)', { strategy: 3 }],
    ['best compression', { level: 9 }],
    ['a 512-byte window', { windowBits: 9, memLevel: 1 }],
  ])('inflates what node:zlib deflates, %s', (_, options) => {
    for (const data of SAMPLES) {
      const inflated = inflateBounded(deflateSync(data, options), exactly(data.length));
      expect(Buffer.from(inflated).equals(Buffer.from(data))).toBe(true);
    }
  });

  it('refuses data that would inflate past the bound, and data that ends short of it', () => {
    const data = testData(50_000, 4);
    for (const options of [{}, { level: 0 }, { strategy: 4 }]) {
      const stream = deflateSync(data, options);
      expect(() => inflateBounded(stream, exactly(data.length - 1))).toThrow('too long');
      expect(() => inflateBounded(stream, exactly(data.length + 1))).toThrow(`too short: ${data.length}`);
    }
  });

  it('stops at the bound at once, even when the stream would go on for a gibibyte', () => {
    const bomb = zlibOfZeros(2 ** 30);
    expect(inflateBounded(zlibOfZeros(300_000), exactly(300_000)).every((byte) => byte === 0)).toBe(true);
    const before = process.memoryUsage();
    expect(() => inflateBounded(bomb, exactly(1000))).toThrow('too long');
    const after = process.memoryUsage();
    expect(after.arrayBuffers + after.heapUsed - (before.arrayBuffers + before.heapUsed)).toBeLessThan(16 * 2 ** 20);
  });

  it('calls a stream cut short too short, saying how far it got', () => {
    const data = testData(200_000, 5);
    const stream = deflateSync(data);
    expect(() => inflateBounded(stream.subarray(0, stream.length >> 1), exactly(data.length))).toThrow(/^too short: \d+$/);
    // Cut inside the checksum: all the data is there, the Adler-32 is not.
    expect(() => inflateBounded(stream.subarray(0, stream.length - 2), exactly(data.length))).toThrow(/Adler-32/);
  });

  it('refuses a wrong checksum, a bad header, a preset dictionary and malformed blocks', () => {
    const data = testData(1000, 6);
    const stream = deflateSync(data);
    const badChecksum = Uint8Array.from(stream);
    badChecksum[badChecksum.length - 1] ^= 1;
    expect(() => inflateBounded(badChecksum, exactly(data.length))).toThrow(/Adler-32 checksum/);
    expect(() => inflateBounded(Uint8Array.from([0x78, 0x02, ...stream.subarray(2)]), exactly(data.length))).toThrow(/header check/);
    expect(() => inflateBounded(Uint8Array.from([0x79, ...stream.subarray(1)]), exactly(data.length))).toThrow(/compression method/);
    expect(() => inflateBounded(Uint8Array.from([0x78, 0xbb, 0, 0, 0, 1]), exactly(0))).toThrow(/preset dictionary/);
    // BFINAL 1, BTYPE 3 (reserved)
    expect(() => inflateBounded(Uint8Array.from([0x78, 0x01, 0b111, 0, 0, 0, 0]), exactly(0))).toThrow(/block type 3/);
    // A stored block whose NLEN is not the complement of LEN.
    expect(() => inflateBounded(Uint8Array.from([0x78, 0x01, 1, 5, 0, 0, 0]), exactly(5))).toThrow(/stored block lengths/);
  });

  it('refuses a match reaching before the start of the data', () => {
    // Fixed codes: length 3 (symbol 257, code 0000001) at distance 1 (code 00000) as the first symbol.
    const raw = Uint8Array.from([0b00000011, 0b00000010, 0b00000000, 0]);
    expect(() => inflateBounded(Uint8Array.from([0x78, 0x01, ...raw]), exactly(3))).toThrow(/before the start/);
  });
});

describe('the checksums', () => {
  const data = testData(100_000, 7);

  it('computes CRC-32 as zlib does', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(data)).toBe(nodeCrc32(data));
    expect(crc32(data, 10, 5000)).toBe(nodeCrc32(data.subarray(10, 5000)));
  });

  it('computes Adler-32 as zlib writes it after the data', () => {
    const stream = deflateSync(data);
    expect(adler32(data)).toBe(Buffer.from(stream.subarray(stream.length - 4)).readUInt32BE());
    expect(adler32(new Uint8Array(0))).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { buildHuffmanTable, huffmanTableSize, LENGTH_MASK, SUBTABLE_FLAG, VALUE_SHIFT } from '../../../core/image/huffman-table.ts';

/** Code lengths of a random complete prefix code for `used` of `symbolCount` symbols, from splitting the leaves of a binary tree. */
function randomCompleteLengths(symbolCount: number, used: number, seed: number): Uint8Array {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const depths = [0];
  while (depths.length < used) {
    const leaf = Math.floor(random() * depths.length);
    if (depths[leaf] < 15) depths.splice(leaf, 1, depths[leaf] + 1, depths[leaf] + 1);
  }
  const lengths = new Uint8Array(symbolCount);
  const order = Array.from({ length: symbolCount }, (_, i) => i).sort(() => random() - 0.5);
  depths.forEach((depth, i) => (lengths[order[i]] = depth));
  return lengths;
}

/** The canonical codes of RFC 1951 §3.2.2, computed the way the RFC's own pseudo-code does. */
function canonicalCodes(lengths: Uint8Array): number[] {
  const blCount = new Array<number>(16).fill(0);
  for (const length of lengths) if (length > 0) blCount[length]++;
  const nextCode = new Array<number>(16).fill(0);
  let code = 0;
  for (let bits = 1; bits <= 15; bits++) {
    code = (code + blCount[bits - 1]) << 1;
    nextCode[bits] = code;
  }
  return Array.from(lengths, (length) => (length > 0 ? nextCode[length]++ : -1));
}

/** Looks a code up as the decoder does: its bits first-in-lowest, with arbitrary bits after it. */
function lookUp(table: Int32Array, rootBits: number, code: number, length: number, trailing: number): { symbol: number; length: number } {
  let stream = trailing << length;
  for (let bit = 0; bit < length; bit++) stream |= ((code >> (length - 1 - bit)) & 1) << bit;
  let entry = table[stream & ((1 << rootBits) - 1)];
  if (entry & SUBTABLE_FLAG) entry = table[(entry >>> VALUE_SHIFT) + ((stream >>> rootBits) & ((1 << (entry & LENGTH_MASK)) - 1))];
  return { symbol: entry >>> VALUE_SHIFT, length: entry & LENGTH_MASK };
}

describe('buildHuffmanTable', () => {
  it('resolves every code of random complete codes, long ones through subtables, at any root size', () => {
    for (let trial = 0; trial < 200; trial++) {
      const symbolCount = 2 + (trial % 287);
      const lengths = randomCompleteLengths(symbolCount, 2 + ((trial * 37) % (symbolCount - 1)), trial + 1);
      const codes = canonicalCodes(lengths);
      for (const rootBits of [1, 5, 8, 10]) {
        const table = new Int32Array(huffmanTableSize(symbolCount, rootBits));
        buildHuffmanTable(lengths, symbolCount, rootBits, table, false);
        lengths.forEach((length, symbol) => {
          if (length === 0) return;
          for (const trailing of [0, 0x5a5a, 0xffff]) expect(lookUp(table, rootBits, codes[symbol], length, trailing)).toEqual({ symbol, length });
        });
      }
    }
  });

  it('refuses over-subscribed and incomplete codes, but allows one 1-bit code where told to', () => {
    const table = new Int32Array(huffmanTableSize(4, 8));
    expect(() => buildHuffmanTable(Uint8Array.from([1, 1, 1]), 3, 8, table, true)).toThrow(/over-subscribed/);
    expect(() => buildHuffmanTable(Uint8Array.from([1, 2]), 2, 8, table, true)).toThrow(/incomplete/);
    expect(() => buildHuffmanTable(Uint8Array.from([0, 1]), 2, 8, table, false)).toThrow(/incomplete/);
    buildHuffmanTable(Uint8Array.from([0, 1]), 2, 8, table, true);
    expect(lookUp(table, 8, 0, 1, 0)).toEqual({ symbol: 1, length: 1 });
    expect(lookUp(table, 8, 1, 1, 0)).toEqual({ symbol: 0, length: 0 }); // no code: an error for the decoder
  });
});

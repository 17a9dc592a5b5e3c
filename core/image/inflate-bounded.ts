import { adler32 } from './adler32.ts';
import { BitReader } from './bit-reader.ts';
import { allocateTables, fixedHuffmanTables } from './deflate-tables.ts';
import { inflateHuffmanBlock } from './inflate-huffman-block.ts';
import { readDynamicCodes } from './read-dynamic-codes.ts';

/** How long the inflated data must be, and what to throw when it is not. */
export interface InflateBounds {
  /** Exactly this many bytes: the output is allocated once at this size. */
  length: number;
  /** The error for data that would inflate past `length`; thrown before a byte past it is written. */
  tooLong: () => Error;
  /** The error for data that ends (or whose input runs out) after `inflated` < `length` bytes. */
  tooShort: (inflated: number) => Error;
}

/**
 * Inflates a zlib stream (RFC 1950 around RFC 1951 DEFLATE: stored, fixed and dynamic Huffman blocks,
 * Adler-32 checked) that must come to exactly `bounds.length` bytes. Unlike an unbounded inflater,
 * a stream that expands without end costs at most that one allocation and the time to fill it:
 * decoding stops at the first byte that would not fit. Malformed streams throw plain Errors in zlib's
 * terms; the caller words them for its format. Bytes after the checksum are ignored.
 *
 * @example
 * const rows = inflateBounded(idat, { length: expected, tooLong: () => new Error('too long'), tooShort: (n) => new Error(`only ${n}`) });
 */
export function inflateBounded(input: Uint8Array, bounds: InflateBounds): Uint8Array {
  checkZlibHeader(input);
  const output = new Uint8Array(bounds.length);
  const reader = new BitReader(input, 2);
  const tables = allocateTables();
  let inflated = 0;
  let finalBlock = false;
  while (!finalBlock) {
    finalBlock = reader.take(1) === 1;
    const type = reader.take(2);
    if (type === 0) {
      inflated = copyStoredBlock(reader, output, inflated, bounds);
    } else if (type === 1 || type === 2) {
      if (type === 2) readDynamicCodes(reader, tables);
      const result = inflateHuffmanBlock(reader, type === 1 ? fixedHuffmanTables() : tables, output, inflated);
      if (result === 'output-full') throw bounds.tooLong();
      if (result === 'input-ended') throw bounds.tooShort(inflated);
      inflated = result;
    } else {
      throw new Error('invalid block type 3');
    }
    if (reader.overran()) throw bounds.tooShort(inflated);
  }
  if (inflated < bounds.length) throw bounds.tooShort(inflated);
  checkAdler32(reader, output);
  return output;
}

/** RFC 1950 §2.2: deflate with a window of at most 32 KiB, a valid check value, no preset dictionary. */
function checkZlibHeader(input: Uint8Array): void {
  if (input.length < 2) throw new Error('the zlib stream is cut short before its header');
  const [cmf, flags] = input;
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7) throw new Error(`unknown zlib compression method/window 0x${cmf.toString(16)}`);
  if (((cmf << 8) | flags) % 31 !== 0) throw new Error('invalid zlib header check bits');
  if (flags & 0x20) throw new Error('the zlib stream asks for a preset dictionary');
}

/** Copies a stored block (RFC 1951 §3.2.4), as much as fits, then says which limit it met, if any. */
function copyStoredBlock(reader: BitReader, output: Uint8Array, inflated: number, bounds: InflateBounds): number {
  reader.alignToByte();
  const { input } = reader;
  const start = reader.position;
  if (start + 4 > input.length) throw bounds.tooShort(inflated);
  const length = input[start] | (input[start + 1] << 8);
  const complement = input[start + 2] | (input[start + 3] << 8);
  if ((length ^ 0xffff) !== complement) throw new Error('invalid stored block lengths');
  const available = Math.min(length, input.length - (start + 4));
  const copied = Math.min(available, output.length - inflated);
  output.set(input.subarray(start + 4, start + 4 + copied), inflated);
  if (copied < length) throw copied < available ? bounds.tooLong() : bounds.tooShort(inflated + copied);
  reader.position = start + 4 + length;
  return inflated + length;
}

function checkAdler32(reader: BitReader, output: Uint8Array): void {
  reader.alignToByte();
  const { input, position } = reader;
  if (position + 4 > input.length) throw new Error('the zlib stream is cut short before its Adler-32 checksum');
  const stored = ((input[position] << 24) | (input[position + 1] << 16) | (input[position + 2] << 8) | input[position + 3]) >>> 0;
  if (stored !== adler32(output)) throw new Error('the inflated data does not match its Adler-32 checksum');
}

import type { BitReader } from './bit-reader.ts';
import { DISTANCE_ROOT_BITS, END_OF_BLOCK, LITERAL_ROOT_BITS, type HuffmanTables } from './deflate-tables.ts';
import { buildHuffmanTable, LENGTH_MASK, VALUE_SHIFT } from './huffman-table.ts';

/** The order in which a dynamic block lists the lengths of the code-length code (RFC 1951 §3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const CODE_LENGTH_ROOT_BITS = 7;
const REPEAT_PREVIOUS = 16;
const REPEAT_ZERO_SHORT = 17;

/**
 * Reads the header of a dynamic-Huffman block (RFC 1951 §3.2.7) and builds its literal/length and
 * distance tables into `tables`. The header is at most a few hundred symbols, so it is read through
 * the reader's methods rather than the decoder's hot loop.
 */
export function readDynamicCodes(reader: BitReader, tables: HuffmanTables): void {
  const literalCount = reader.take(5) + 257;
  const distanceCount = reader.take(5) + 1;
  const codeLengthCount = reader.take(4) + 4;
  if (literalCount > 286 || distanceCount > 30) throw new Error('invalid dynamic block header (too many symbols)');

  const codeLengthLengths = new Uint8Array(19);
  for (let i = 0; i < codeLengthCount; i++) codeLengthLengths[CODE_LENGTH_ORDER[i]] = reader.take(3);
  const codeLengthTable = new Int32Array(1 << CODE_LENGTH_ROOT_BITS);
  buildHuffmanTable(codeLengthLengths, 19, CODE_LENGTH_ROOT_BITS, codeLengthTable, false);

  // Literal/length and distance lengths form one sequence: a repeat may run from one into the other.
  const lengths = new Uint8Array(literalCount + distanceCount);
  for (let i = 0; i < lengths.length; ) {
    reader.refill();
    const entry = codeLengthTable[reader.bits & ((1 << CODE_LENGTH_ROOT_BITS) - 1)];
    const codeLength = entry & LENGTH_MASK;
    if (codeLength === 0) throw new Error('invalid code-length code');
    reader.bits >>>= codeLength;
    reader.bitCount -= codeLength;
    const symbol = entry >>> VALUE_SHIFT;
    if (symbol < REPEAT_PREVIOUS) {
      lengths[i++] = symbol;
      continue;
    }
    let value = 0;
    let repeat: number;
    if (symbol === REPEAT_PREVIOUS) {
      if (i === 0) throw new Error('invalid code lengths (a repeat with nothing before it)');
      value = lengths[i - 1];
      repeat = 3 + reader.take(2);
    } else {
      repeat = symbol === REPEAT_ZERO_SHORT ? 3 + reader.take(3) : 11 + reader.take(7);
    }
    if (i + repeat > lengths.length) throw new Error('invalid code lengths (a repeat runs past the end)');
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  if (reader.overran()) throw new Error('the stream ends inside a block header');
  if (lengths[END_OF_BLOCK] === 0) throw new Error('invalid code lengths (no end-of-block code)');
  // As zlib does, a lone one-bit code is accepted; a block of literals only may have no distance code.
  buildHuffmanTable(lengths, literalCount, LITERAL_ROOT_BITS, tables.literals, true);
  buildHuffmanTable(lengths.subarray(literalCount), distanceCount, DISTANCE_ROOT_BITS, tables.distances, true);
}

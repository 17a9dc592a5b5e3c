/**
 * Two-level lookup tables for the canonical Huffman codes of DEFLATE (RFC 1951 §3.2.2), so a decoder
 * resolves a symbol with one or two array reads instead of walking a tree bit by bit.
 *
 * DEFLATE packs a code's bits starting from its most significant one into the low bits of the stream,
 * so the next `rootBits` bits of the stream, read as a number, are the first bits of the code reversed:
 * that number indexes the root table. Codes longer than `rootBits` continue in a subtable, one per
 * root prefix, sized for the longest code under that prefix. Table building is then linear in the
 * number of symbols plus 2^rootBits, which keeps a stream of many tiny blocks cheap to refuse.
 *
 * Entry layout (Int32): a symbol is `symbol << 5 | codeLength` (length 1–15); a link to a subtable is
 * `start << 5 | 16 | indexBits`; 0 marks a bit pattern no code starts with, an error when met.
 */

export const MAX_CODE_LENGTH = 15;
export const SUBTABLE_FLAG = 16;
export const LENGTH_MASK = 15;
export const VALUE_SHIFT = 5;

/**
 * Entries a table may need: the root, plus a subtable of at most 2^(15 − rootBits) entries for each
 * root prefix that long codes share; a complete code has at least two codes under such a prefix.
 */
export function huffmanTableSize(symbolCount: number, rootBits: number): number {
  return (1 << rootBits) + (symbolCount >> 1) * (1 << (MAX_CODE_LENGTH - rootBits));
}

/**
 * Fills `table` with the decoding table of the code whose lengths (0 = symbol unused) are
 * `lengths[0..symbolCount)`. Over-subscribed lengths are refused. A code that leaves bit patterns
 * unused is refused too, except the one DEFLATE permits (RFC 1951 §3.2.7): a single code of one bit,
 * or none at all, where `allowIncomplete` says so; the table then holds 0 for what has no code.
 */
export function buildHuffmanTable(lengths: Uint8Array, symbolCount: number, rootBits: number, table: Int32Array, allowIncomplete: boolean): void {
  const countOfLength = new Uint16Array(MAX_CODE_LENGTH + 1);
  for (let symbol = 0; symbol < symbolCount; symbol++) countOfLength[lengths[symbol]]++;
  countOfLength[0] = 0;
  let unused = 1;
  let longest = 0;
  for (let length = 1; length <= MAX_CODE_LENGTH; length++) {
    unused = unused * 2 - countOfLength[length];
    if (unused < 0) throw new Error('invalid Huffman code lengths (over-subscribed)');
    if (countOfLength[length] > 0) longest = length;
  }
  if (unused > 0 && !(allowIncomplete && longest <= 1)) throw new Error('invalid Huffman code lengths (incomplete)');

  // Canonical codes (RFC 1951 §3.2.2): the first code of each length, then symbols in order.
  const nextCode = new Uint16Array(MAX_CODE_LENGTH + 2);
  for (let length = 1; length <= MAX_CODE_LENGTH; length++) nextCode[length + 1] = (nextCode[length] + countOfLength[length]) << 1;
  const rootSize = 1 << rootBits;
  table.fill(0, 0, rootSize);
  const sorted = symbolsByLength(lengths, symbolCount, countOfLength);
  let tableEnd = rootSize;
  let currentPrefix = -1;
  let subtableStart = 0;
  let subtableBits = 0;
  for (let i = 0; i < sorted.length; i++) {
    const symbol = sorted[i];
    const length = lengths[symbol];
    const reversed = reverseBits(nextCode[length]++, length);
    if (length <= rootBits) {
      fillEvery(table, reversed, 1 << length, rootSize, (symbol << VALUE_SHIFT) | length);
      continue;
    }
    // Canonical codes increase along `sorted`, so codes sharing a root prefix are neighbours there,
    // and the last of them is the longest: its length sizes the subtable.
    const prefix = reversed & (rootSize - 1);
    if (prefix !== currentPrefix) {
      currentPrefix = prefix;
      subtableStart = tableEnd;
      subtableBits = lengths[sorted[lastWithPrefix(sorted, lengths, nextCode, i, rootBits, prefix)]] - rootBits;
      tableEnd += 1 << subtableBits;
      table.fill(0, subtableStart, tableEnd);
      table[prefix] = (subtableStart << VALUE_SHIFT) | SUBTABLE_FLAG | subtableBits;
    }
    const step = 1 << (length - rootBits);
    fillEvery(table, subtableStart + (reversed >>> rootBits), step, tableEnd, (symbol << VALUE_SHIFT) | length);
  }
}

/** Used symbols sorted by code length, then by symbol: the order canonical codes are handed out in. */
function symbolsByLength(lengths: Uint8Array, symbolCount: number, countOfLength: Uint16Array): Uint16Array {
  const firstOfLength = new Uint16Array(MAX_CODE_LENGTH + 2);
  for (let length = 1; length <= MAX_CODE_LENGTH; length++) firstOfLength[length + 1] = firstOfLength[length] + countOfLength[length];
  const sorted = new Uint16Array(firstOfLength[MAX_CODE_LENGTH + 1]);
  for (let symbol = 0; symbol < symbolCount; symbol++) {
    const length = lengths[symbol];
    if (length > 0) sorted[firstOfLength[length]++] = symbol;
  }
  return sorted;
}

/** Index in `sorted` of the last code from `first` on whose first `rootBits` bits are `prefix`. */
function lastWithPrefix(sorted: Uint16Array, lengths: Uint8Array, nextCode: Uint16Array, first: number, rootBits: number, prefix: number): number {
  // Peek at the codes still to be assigned without handing them out: a per-length copy of the counters.
  const peekCode = nextCode.slice();
  let last = first;
  for (let i = first + 1; i < sorted.length; i++) {
    const length = lengths[sorted[i]];
    if ((reverseBits(peekCode[length]++, length) & ((1 << rootBits) - 1)) !== prefix) break;
    last = i;
  }
  return last;
}

/** Writes `entry` at index, index + step, … below `end`. */
function fillEvery(table: Int32Array, index: number, step: number, end: number, entry: number): void {
  for (let i = index; i < end; i += step) table[i] = entry;
}

function reverseBits(code: number, length: number): number {
  let reversed = 0;
  for (let bit = 0; bit < length; bit++) {
    reversed = (reversed << 1) | (code & 1);
    code >>>= 1;
  }
  return reversed;
}

/**
 * A zlib stream (RFC 1950/1951) of any number of zero bytes, built by hand in a few bytes per 1 KiB
 * of output and without ever holding the output: the payload of decompression-bomb fixtures. Pure
 * TypeScript (no node:zlib), so the edge tests can build bombs inside workerd.
 *
 * One dynamic-Huffman block whose literal/length code has just three symbols, chosen so that a match
 * of 258 bytes at distance 1 costs two zero bits:
 *   length 258 (symbol 285) → "0", literal 0 → "10", end of block (256) → "11";  distance 1 → "0".
 * The stream is a literal 0, then as many such matches as fit, then literal zeros for the rest.
 */
export function zlibOfZeros(byteCount: number): Uint8Array {
  if (!Number.isInteger(byteCount) || byteCount < 1) throw new Error(`zlibOfZeros needs a positive byte count, got ${byteCount}`);
  const matches = Math.floor((byteCount - 1) / 258);
  const trailingLiterals = byteCount - 1 - matches * 258;
  const bodyBits = 2 + matches * 2 + trailingLiterals * 2 + 2;
  const writer = new BitWriter(2 + BLOCK_HEADER_BYTES + Math.ceil(bodyBits / 8) + 4);
  writer.bytes.set([0x78, 0x01], 0); // deflate, 32 KiB window, check bits for no dictionary
  writer.bitPosition = 16;
  writeBlockHeader(writer);
  writer.code(0b10, 2); // literal 0
  writer.bitPosition += matches * 2; // each match: "0" (length 258) then "0" (distance 1), and the buffer starts zeroed
  for (let i = 0; i < trailingLiterals; i++) writer.code(0b10, 2);
  writer.code(0b11, 2); // end of block
  const end = Math.ceil(writer.bitPosition / 8);
  // Adler-32 of n zeros: a stays 1, b adds 1 a byte.
  const adler = (((byteCount % 65521) << 16) | 1) >>> 0;
  new DataView(writer.bytes.buffer).setUint32(end, adler);
  return writer.bytes.subarray(0, end + 4);
}

/** Room for what writeBlockHeader writes (104 bits). */
const BLOCK_HEADER_BYTES = 16;

/**
 * BFINAL 1, BTYPE 2 (dynamic); 286 literal/length and 1 distance code lengths, sent with a
 * code-length code of three symbols: 18 (a run of 11–138 zeros) → "0", length 1 → "10", length 2 → "11".
 */
function writeBlockHeader(writer: BitWriter): void {
  writer.bits(1, 1);
  writer.bits(2, 2);
  writer.bits(286 - 257, 5);
  writer.bits(1 - 1, 5);
  // The code-length code's lengths go in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1 (15 left out).
  const codeLengthLengths = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2];
  writer.bits(codeLengthLengths.length - 4, 4);
  for (const length of codeLengthLengths) writer.bits(length, 3);
  const zeros = (count: number) => {
    writer.code(0b0, 1);
    writer.bits(count - 11, 7);
  };
  writer.code(0b11, 2); // literal 0: length 2
  zeros(138); // literals 1–138
  zeros(117); // literals 139–255
  writer.code(0b11, 2); // end of block: length 2
  zeros(28); // length symbols 257–284
  writer.code(0b10, 2); // length symbol 285: length 1
  writer.code(0b10, 2); // distance 1: length 1
}

class BitWriter {
  readonly bytes: Uint8Array;
  bitPosition = 0;

  constructor(byteLength: number) {
    this.bytes = new Uint8Array(byteLength);
  }

  /** A value's low `count` bits, least significant first (header fields, extra bits). */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.bit((value >> i) & 1);
  }

  /** A Huffman code of `length` bits, most significant first (RFC 1951 §3.1.1). */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bit((code >> i) & 1);
  }

  private bit(value: number): void {
    if (value) this.bytes[this.bitPosition >> 3] |= 1 << (this.bitPosition & 7);
    this.bitPosition++;
  }
}

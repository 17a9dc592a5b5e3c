/**
 * DEFLATE's bit order (RFC 1951 §3.1.1): bytes are read in order, and within a byte from its least
 * significant bit. Up to 32 bits wait in `bits`, the next one lowest. Past the end of the input the
 * reader yields zero bits rather than failing, so hot loops need no bounds test per byte; whoever
 * uses it asks `overran()` at the points where the answer matters.
 */
export class BitReader {
  /** The next bits of the stream, in their low `bitCount` bits. */
  bits = 0;
  bitCount = 0;
  /** Index of the next input byte to move into `bits`. */
  position: number;

  constructor(readonly input: Uint8Array, start: number) {
    this.position = start;
  }

  /** Tops `bits` up to at least 25 bits (zeros past the end of the input). */
  refill(): void {
    const { input } = this;
    while (this.bitCount <= 24) {
      const byte = this.position < input.length ? input[this.position] : 0;
      this.bits |= byte << this.bitCount;
      this.position++;
      this.bitCount += 8;
    }
  }

  /** The next `count` bits (0–24) as a number, first bit lowest, consumed. */
  take(count: number): number {
    if (this.bitCount < count) this.refill();
    const value = this.bits & ((1 << count) - 1);
    this.bits >>>= count;
    this.bitCount -= count;
    return value;
  }

  /** Drops the bits up to the next byte boundary, then hands back whole bytes still buffered. */
  alignToByte(): void {
    this.position -= this.bitCount >>> 3;
    this.bits = 0;
    this.bitCount = 0;
  }

  /** Whether more bits were consumed than the input holds. */
  overran(): boolean {
    return this.position * 8 - this.bitCount > this.input.length * 8;
  }
}

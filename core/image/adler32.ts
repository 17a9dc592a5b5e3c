const MODULUS = 65521;
/**
 * Reducing modulo 65521 only every 5552 bytes saves a division a byte: 5552 is zlib's NMAX, the
 * longest run of 0xFF bytes after which `b` still fits in 32 bits.
 */
const RUN_LENGTH = 5552;

/** Adler-32 of `bytes`: the checksum that ends every zlib stream (RFC 1950), over the uncompressed data. */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let start = 0; start < bytes.length; start += RUN_LENGTH) {
    const end = Math.min(start + RUN_LENGTH, bytes.length);
    for (let i = start; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= MODULUS;
    b %= MODULUS;
  }
  return ((b << 16) | a) >>> 0;
}

import type { BitReader } from './bit-reader.ts';
import {
  DISTANCE_BASE,
  DISTANCE_EXTRA_BITS,
  DISTANCE_ROOT_BITS,
  END_OF_BLOCK,
  FIRST_LENGTH_SYMBOL,
  LENGTH_BASE,
  LENGTH_EXTRA_BITS,
  LITERAL_ROOT_BITS,
  type HuffmanTables,
} from './deflate-tables.ts';
import { LENGTH_MASK, SUBTABLE_FLAG, VALUE_SHIFT } from './huffman-table.ts';

/** What stopped a block early: more output than allowed, or input that ran out. */
export type BlockStop = 'output-full' | 'input-ended';

/**
 * Decodes the symbols of one Huffman-coded block into `output` from `outputPosition` until its
 * end-of-block code, and returns the new position, or a stop when the next byte would pass
 * `output.length` (nothing past it is written) or the input ran out. This is the decoder's hot
 * loop: the reader's state and the imported constants live in locals while it runs (a module
 * transpiled to CommonJS would otherwise read each import through a getter).
 */
export function inflateHuffmanBlock(reader: BitReader, tables: HuffmanTables, output: Uint8Array, outputPosition: number): number | BlockStop {
  const [lengthBase, lengthExtraBits, distanceBase, distanceExtraBits] = [LENGTH_BASE, LENGTH_EXTRA_BITS, DISTANCE_BASE, DISTANCE_EXTRA_BITS];
  const [literalRootBits, distanceRootBits, subtableFlag, lengthMask, valueShift] = [LITERAL_ROOT_BITS, DISTANCE_ROOT_BITS, SUBTABLE_FLAG, LENGTH_MASK, VALUE_SHIFT];
  const [endOfBlock, firstLengthSymbol] = [END_OF_BLOCK, FIRST_LENGTH_SYMBOL];
  const { input } = reader;
  const inputLength = input.length;
  const { literals, distances } = tables;
  const literalMask = (1 << literalRootBits) - 1;
  const distanceMask = (1 << distanceRootBits) - 1;
  const limit = output.length;
  let { bits, bitCount, position } = reader;
  let out = outputPosition;
  let stop: BlockStop | undefined;
  for (;;) {
    while (bitCount <= 24) {
      bits |= (position < inputLength ? input[position] : 0) << bitCount;
      position++;
      bitCount += 8;
    }
    // Zero bits fed past the end must not pass for data.
    if (position > inputLength && (position - inputLength) * 8 > bitCount) {
      stop = 'input-ended';
      break;
    }
    let entry = literals[bits & literalMask];
    if (entry & subtableFlag) entry = literals[(entry >>> valueShift) + ((bits >>> literalRootBits) & ((1 << (entry & lengthMask)) - 1))];
    let codeLength = entry & lengthMask;
    if (codeLength === 0) throw new Error('invalid literal/length code');
    bits >>>= codeLength;
    bitCount -= codeLength;
    const symbol = entry >>> valueShift;
    if (symbol < endOfBlock) {
      if (out >= limit) {
        stop = 'output-full';
        break;
      }
      output[out++] = symbol;
      continue;
    }
    if (symbol === endOfBlock) break;
    const lengthIndex = symbol - firstLengthSymbol;
    if (lengthIndex >= lengthBase.length) throw new Error('invalid literal/length code');
    const lengthExtra = lengthExtraBits[lengthIndex];
    const length = lengthBase[lengthIndex] + (bits & ((1 << lengthExtra) - 1));
    bits >>>= lengthExtra;
    bitCount -= lengthExtra;

    while (bitCount <= 24) {
      bits |= (position < inputLength ? input[position] : 0) << bitCount;
      position++;
      bitCount += 8;
    }
    entry = distances[bits & distanceMask];
    if (entry & subtableFlag) entry = distances[(entry >>> valueShift) + ((bits >>> distanceRootBits) & ((1 << (entry & lengthMask)) - 1))];
    codeLength = entry & lengthMask;
    if (codeLength === 0) throw new Error('invalid distance code');
    bits >>>= codeLength;
    bitCount -= codeLength;
    const distanceIndex = entry >>> valueShift;
    if (distanceIndex >= distanceBase.length) throw new Error('invalid distance code');
    const distanceExtra = distanceExtraBits[distanceIndex];
    if (bitCount < distanceExtra) {
      bits |= (position < inputLength ? input[position] : 0) << bitCount;
      position++;
      bitCount += 8;
    }
    const distance = distanceBase[distanceIndex] + (bits & ((1 << distanceExtra) - 1));
    bits >>>= distanceExtra;
    bitCount -= distanceExtra;

    if (distance > out) throw new Error(`invalid distance ${distance}, before the start of the data`);
    if (out + length > limit) {
      stop = 'output-full';
      break;
    }
    let from = out - distance;
    const end = out + length;
    while (out < end) output[out++] = output[from++];
  }
  reader.bits = bits;
  reader.bitCount = bitCount;
  reader.position = position;
  return stop ?? out;
}

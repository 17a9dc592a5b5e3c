import { buildHuffmanTable, huffmanTableSize } from './huffman-table.ts';

/** Root index bits of the literal/length and distance tables: most codes resolve in one read. */
export const LITERAL_ROOT_BITS = 10;
export const DISTANCE_ROOT_BITS = 8;
/** Literal/length symbols a dynamic block may define (286) and that fixed codes have (288); distances alike. */
export const MAX_LITERAL_SYMBOLS = 288;
export const MAX_DISTANCE_SYMBOLS = 32;
export const END_OF_BLOCK = 256;
export const FIRST_LENGTH_SYMBOL = 257;

/**
 * Match lengths and distances of RFC 1951 §3.2.5: symbol i stands for base[i] plus `extra[i]` more
 * bits. Each base is the previous one plus the span of its extra bits, except that the last length
 * symbol (285) means exactly 258.
 */
export const LENGTH_EXTRA_BITS = new Uint8Array(29).map((_, i) => (i < 28 ? Math.max(0, (i >> 2) - 1) : 0));
export const LENGTH_BASE = cumulativeBases(3, LENGTH_EXTRA_BITS);
LENGTH_BASE[28] = 258;
export const DISTANCE_EXTRA_BITS = new Uint8Array(30).map((_, i) => Math.max(0, (i >> 1) - 1));
export const DISTANCE_BASE = cumulativeBases(1, DISTANCE_EXTRA_BITS);

function cumulativeBases(first: number, extraBits: Uint8Array): Uint16Array {
  const bases = new Uint16Array(extraBits.length);
  bases[0] = first;
  for (let i = 1; i < bases.length; i++) bases[i] = bases[i - 1] + (1 << extraBits[i - 1]);
  return bases;
}

export interface HuffmanTables {
  literals: Int32Array;
  distances: Int32Array;
}

/** Room for the tables of one block; a decoder allocates this once and rebuilds into it per block. */
export function allocateTables(): HuffmanTables {
  return {
    literals: new Int32Array(huffmanTableSize(MAX_LITERAL_SYMBOLS, LITERAL_ROOT_BITS)),
    distances: new Int32Array(huffmanTableSize(MAX_DISTANCE_SYMBOLS, DISTANCE_ROOT_BITS)),
  };
}

let fixedTables: HuffmanTables | undefined;

/** The fixed codes of block type 1 (RFC 1951 §3.2.6), built on first use. */
export function fixedHuffmanTables(): HuffmanTables {
  if (fixedTables) return fixedTables;
  const literalLengths = new Uint8Array(MAX_LITERAL_SYMBOLS).map((_, symbol) => (symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8));
  const tables = allocateTables();
  buildHuffmanTable(literalLengths, MAX_LITERAL_SYMBOLS, LITERAL_ROOT_BITS, tables.literals, false);
  buildHuffmanTable(new Uint8Array(MAX_DISTANCE_SYMBOLS).fill(5), MAX_DISTANCE_SYMBOLS, DISTANCE_ROOT_BITS, tables.distances, false);
  fixedTables = tables;
  return tables;
}

import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

let ready: Promise<void> | null = null;

/**
 * Starts TF.js on the WASM SIMD backend in Node (several times faster than the plain CPU backend).
 * Single-threaded: Node has no cross-origin isolation for the threaded build, and one thread is what the
 * edge gets too, so timings compare.
 */
export function useWasmBackend(): Promise<void> {
  ready ??= (async () => {
    const wasmDir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
    setWasmPaths(`${wasmDir}${path.sep}`);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) throw new Error('The TF.js WASM backend failed to start.');
    await tf.ready();
  })();
  return ready;
}

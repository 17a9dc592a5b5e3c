/**
 * Starts TF.js on the WASM SIMD backend inside workerd.
 *
 * Workers forbid compiling WebAssembly from bytes at run time and the stock loader fetches its `.wasm`
 * by URL, so we hand the Emscripten factory a module that wrangler precompiled at deploy time and
 * register our own backend factory under the name the WASM kernels are registered for.
 */
import * as tf from '@tensorflow/tfjs-core';
// Registers the gradient functions `tf.grad` looks up; without it every backward pass fails.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import emscriptenFactory from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm.js';
import simdModule from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-simd.wasm';
import { GradlensError } from '../../core/errors.ts';

const BACKEND_NAME = 'wasm';
const BACKEND_PRIORITY = 2;

/** The Emscripten module, kept so the heap size can be reported. */
let wasmModule: WasmModule | undefined;
let started: Promise<void> | undefined;

interface WasmModule {
  HEAPU8: Uint8Array;
  cwrap(name: string, returnType: string | null, argTypes: string[]): (...args: number[]) => unknown;
  tfjs?: unknown;
}

type ReceiveInstance = (instance: WebAssembly.Instance, module: WebAssembly.Module) => void;

async function createModule(): Promise<WasmModule> {
  const factory = emscriptenFactory as unknown as (config: object) => Promise<WasmModule>;
  const module = await factory({
    instantiateWasm(imports: WebAssembly.Imports, receive: ReceiveInstance) {
      WebAssembly.instantiate(simdModule, imports).then((instance) => receive(instance, simdModule));
      // Emscripten expects the exports synchronously or an empty object when they come later.
      return {};
    },
  });
  // The same entry points the stock loader wraps (tfjs-backend-wasm `init()`); BackendWasm calls them.
  module.tfjs = {
    init: module.cwrap('init', null, []),
    initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: module.cwrap('get_threads_count', 'number', []),
    registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: module.cwrap('dispose_data', null, ['number']),
    dispose: module.cwrap('dispose', null, []),
  };
  return module;
}

async function start(): Promise<void> {
  // Importing the package registered the stock factory, which would try to fetch the binary.
  tf.removeBackend(BACKEND_NAME);
  tf.registerBackend(
    BACKEND_NAME,
    async () => {
      wasmModule = await createModule();
      return new BackendWasm(wasmModule as never);
    },
    BACKEND_PRIORITY,
  );
  // setBackend answers false instead of throwing when the factory fails.
  const ok = await tf.setBackend(BACKEND_NAME);
  if (!ok || tf.getBackend() !== BACKEND_NAME) {
    throw new GradlensError('model/not-ready', 'The TF.js WASM backend did not start.', 'Check the worker logs.');
  }
}

/**
 * Starts the backend once per isolate; concurrent callers share the same start.
 * A failed start is forgotten so that the next request tries again.
 */
export function startWasmBackend(): Promise<void> {
  started ??= start().catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
}

/** Bytes of the WASM linear memory; it only grows, so this is also the peak so far. */
export function wasmHeapBytes(): number {
  return wasmModule ? wasmModule.HEAPU8.buffer.byteLength : 0;
}

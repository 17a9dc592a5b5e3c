/**
 * Worker side of backend choice: probe what the browser really offers, then import and start one
 * backend. Backends are imported lazily so only the ones tried are downloaded.
 */
import * as tf from '@tensorflow/tfjs-core';
import { isSoftwareRenderer, wasmThreadCount, type BackendName, type BackendProbe } from './backends.ts';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; description?: string };
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

export async function probeWebGpu(): Promise<BackendProbe> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return { name: 'webgpu', available: false, software: false, detail: 'navigator.gpu is absent' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { name: 'webgpu', available: false, software: false, detail: 'no adapter' };
    const info = adapter.info ?? {};
    const detail = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'adapter';
    const fallback = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter);
    return { name: 'webgpu', available: true, software: fallback || isSoftwareRenderer(detail), detail: fallback ? `fallback adapter: ${detail}` : detail };
  } catch (error) {
    return { name: 'webgpu', available: false, software: false, detail: String(error) };
  }
}

export function probeWebGl(): BackendProbe {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { name: 'webgl', available: false, software: false, detail: 'no WebGL context' };
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { name: 'webgl', available: true, software: isSoftwareRenderer(renderer), detail: renderer };
  } catch (error) {
    return { name: 'webgl', available: false, software: false, detail: String(error) };
  }
}

export async function probeBackends(): Promise<BackendProbe[]> {
  const wasm = typeof WebAssembly === 'object';
  return [
    await probeWebGpu(),
    probeWebGl(),
    { name: 'wasm', available: wasm, software: false, detail: wasm ? 'WebAssembly' : 'no WebAssembly' },
    { name: 'cpu', available: true, software: false, detail: 'plain JavaScript' },
  ];
}

/** Threads the WASM backend runs with (1 unless the page is cross-origin isolated); `requested` overrides. */
export function wasmThreads(requested?: number): number {
  return requested ?? wasmThreadCount(navigator.hardwareConcurrency, self.crossOriginIsolated === true);
}

async function register(name: BackendName, threads?: number): Promise<void> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const count = wasmThreads(threads);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', count > 1);
    if (count > 1) wasm.setThreadsCount(count);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
    });
  } else if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
  } else if (name === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
  } else {
    await import('@tensorflow/tfjs-backend-cpu');
  }
}

export interface StartOptions {
  threads?: number;
  /** TF.js environment flags, set once the backend's module has registered its own. */
  flags?: Record<string, boolean | number>;
}

/**
 * Imports and starts one backend (throws when it does not come up). Returns why its numbers cannot be
 * trusted even if it runs, or null: WebGL without float32 render targets computes in half precision,
 * which the caller refuses rather than use silently.
 */
export async function startBackend(name: BackendName, { threads, flags = {} }: StartOptions = {}): Promise<string | null> {
  await register(name, threads);
  // A backend registers its own flags when imported; the others' flags do not apply to it.
  for (const [flag, value] of Object.entries(flags)) {
    try {
      tf.env().set(flag, value);
    } catch {
      // not a flag of this backend
    }
  }
  // setBackend resolves false instead of throwing when the backend fails to start.
  if (!(await tf.setBackend(name))) throw new Error('failed to initialize');
  await tf.ready();
  if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    return 'no float32 render targets on this device, so WebGL would compute in half precision';
  }
  return null;
}

/** Leaves a backend that failed: frees what it holds so the next one starts clean. */
export function leaveBackend(name: BackendName): void {
  try {
    if (tf.findBackend(name)) tf.removeBackend(name);
  } catch {
    // a backend that broke while starting may fail to dispose; it is unregistered all the same
  }
}

/**
 * Worker side of backend choice: probe what the browser really offers, then import and start the
 * first backend of `backendOrder` that comes up. Backends are imported lazily so only the one in
 * use is downloaded.
 */
import * as tf from '@tensorflow/tfjs-core';
import { backendOrder, isSoftwareRenderer, type BackendChoice, type BackendName, type BackendProbe } from './backends.ts';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

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
    return { name: 'webgpu', available: true, software: fallback || isSoftwareRenderer(detail), detail };
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

async function register(name: BackendName): Promise<void> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Threads need cross-origin isolation and give nothing on small machines; never try them.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      // Unused with threads off; the map must still name it.
      'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl,
    });
  } else if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
  } else if (name === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
  } else {
    await import('@tensorflow/tfjs-backend-cpu');
  }
}

export interface Activated {
  backend: BackendName;
  probes: BackendProbe[];
  skipped: { name: BackendName; reason: string }[];
}

export async function activateBackend(choice: BackendChoice): Promise<Activated> {
  const probes = await probeBackends();
  const skipped: Activated['skipped'] = [];
  for (const name of backendOrder(probes, choice)) {
    try {
      await register(name);
      // setBackend resolves false instead of throwing when the backend fails to start.
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { backend: name, probes, skipped };
      }
      skipped.push({ name, reason: 'failed to initialize' });
    } catch (error) {
      skipped.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  throw Object.assign(new Error('No TF.js backend could start in this browser.'), {
    code: 'engine/no-backend',
    hint: skipped.map((s) => `${s.name}: ${s.reason}`).join('; '),
  });
}

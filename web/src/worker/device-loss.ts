/**
 * A GPU backend can lose its device at any time (a driver reset, the tab sent to the background on a
 * phone, another page taking the GPU). Pending reads then never settle, so the engine must not wait
 * for them: it reports the loss and the page restarts the engine on the next backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from './backends.ts';

interface WebGlBackendLike {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}
interface WebGpuBackendLike {
  device?: { lost: Promise<{ message?: string; reason?: string }>; destroy(): void };
}

function webGlContext(): WebGLRenderingContext | WebGL2RenderingContext | undefined {
  return (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl;
}

function webGpuDevice() {
  return (tf.backend() as unknown as WebGpuBackendLike).device;
}

/** Calls `onLost` once if the active GPU backend loses its context or device. */
export function watchDeviceLoss(name: BackendName, onLost: (reason: string) => void): void {
  if (name === 'webgl') {
    const canvas = webGlContext()?.canvas as (HTMLCanvasElement | OffscreenCanvas) | undefined;
    canvas?.addEventListener('webglcontextlost', (event) => {
      event.preventDefault();
      onLost('the WebGL context was lost');
    }, { once: true });
  } else if (name === 'webgpu') {
    void webGpuDevice()?.lost.then((info) => onLost(`the WebGPU device was lost (${info.reason ?? 'unknown'}${info.message ? `: ${info.message}` : ''})`));
  }
}

/**
 * Makes the active GPU backend lose its device, as a driver reset would: for diagnosis and for the
 * tests of the recovery path. Returns false on backends that have no device to lose.
 */
export function loseDevice(name: BackendName): boolean {
  if (name === 'webgl') {
    const lose = webGlContext()?.getExtension('WEBGL_lose_context');
    lose?.loseContext();
    return Boolean(lose);
  }
  if (name === 'webgpu') {
    const device = webGpuDevice();
    device?.destroy();
    return Boolean(device);
  }
  return false;
}

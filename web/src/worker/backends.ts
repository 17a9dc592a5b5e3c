/**
 * Which TF.js backend to use. A GPU backend only helps on a real GPU: on software adapters
 * (WebGPU fallback adapter, WebGL on SwiftShader/llvmpipe) it is 4–10× slower than WASM, so
 * automatic choice skips them. Pure functions here; the probes that feed them live in the worker.
 */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

export interface BackendProbe {
  name: BackendName;
  available: boolean;
  /** A software implementation of a GPU API (slower than WASM here). */
  software: boolean;
  /** What the probe saw: adapter or renderer description, or why it is unavailable. */
  detail: string;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver|lavapipe/i;

export function isSoftwareRenderer(renderer: string | null | undefined): boolean {
  return renderer != null && SOFTWARE_RENDERER.test(renderer);
}

/**
 * Backends to try, best first. `auto` keeps the GPU order but drops unavailable or software GPUs;
 * a forced backend goes first even when it is software (the user asked), the rest stay as fallback.
 */
export function backendOrder(probes: readonly BackendProbe[], choice: BackendChoice): BackendName[] {
  const probeOf = (name: BackendName) => probes.find((p) => p.name === name);
  const usable = (name: BackendName) => {
    const probe = probeOf(name);
    if (name === 'wasm' || name === 'cpu') return probe?.available ?? true;
    return probe !== undefined && probe.available && !probe.software;
  };
  const auto = BACKENDS.filter(usable);
  if (choice === 'auto') return auto;
  const forcedOk = choice === 'wasm' || choice === 'cpu' || probeOf(choice)?.available;
  return forcedOk ? [choice, ...auto.filter((name) => name !== choice)] : auto;
}

export function backendLabel(name: BackendName): string {
  return { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU (JavaScript)' }[name];
}

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
 * Backends to try, best first. `auto` keeps the GPU order but drops unavailable or software GPUs
 * (unless `softwareAdapters`, which treats them as a visitor's real GPU would be: for tests and
 * diagnosis); a forced backend goes first even when it is software (the user asked), the rest stay as
 * fallback. Excluded backends (one that lost its device) are never tried.
 */
export function backendOrder(probes: readonly BackendProbe[], choice: BackendChoice, exclude: readonly BackendName[] = [], softwareAdapters = false): BackendName[] {
  const probeOf = (name: BackendName) => probes.find((p) => p.name === name);
  const usable = (name: BackendName) => {
    const probe = probeOf(name);
    if (name === 'wasm' || name === 'cpu') return probe?.available ?? true;
    return probe !== undefined && probe.available && (softwareAdapters || !probe.software);
  };
  const auto = BACKENDS.filter(usable);
  const forcedOk = choice !== 'auto' && (choice === 'wasm' || choice === 'cpu' || probeOf(choice)?.available);
  const order = forcedOk ? [choice, ...auto.filter((name) => name !== choice)] : auto;
  return order.filter((name) => !exclude.includes(name));
}

export interface SkippedBackend {
  name: BackendName;
  reason: string;
}

/**
 * Why each other backend is not in use: every one that failed when tried (a forced one too), with its
 * reason, and each one preferred over the active one that automatic choice left out, with what its
 * probe saw (absent, software only).
 */
export function skipReasons(probes: readonly BackendProbe[], failed: readonly SkippedBackend[], active: BackendName, exclude: readonly BackendName[] = []): SkippedBackend[] {
  const preferred = BACKENDS.slice(0, BACKENDS.indexOf(active));
  return BACKENDS.filter((name) => name !== active && (preferred.includes(name) || failed.some((f) => f.name === name))).map((name) => {
    const failure = failed.find((f) => f.name === name);
    if (failure) return failure;
    const probe = probes.find((p) => p.name === name);
    if (exclude.includes(name)) return { name, reason: 'stopped working earlier in this session' };
    if (!probe?.available) return { name, reason: `not available (${probe?.detail ?? 'not probed'})` };
    if (probe.software) return { name, reason: `software adapter only (${probe.detail}), slower than WebAssembly` };
    return { name, reason: 'not tried' };
  });
}

/**
 * WebAssembly threads: only where the page is cross-origin isolated (SharedArrayBuffer), and half the
 * cores, at most 4. On 2 cores that is 1: measured there (`npm run bench:web`, two runs), 2 threads gave
 * 1.04× and 0.97× the time of 1 for a saliency map, 1.28× and 1.01× per class-visualization iteration:
 * no gain, since the page, the GPU process and the worker share the two cores.
 */
export function wasmThreadCount(hardwareConcurrency: number | undefined, crossOriginIsolated: boolean): number {
  if (!crossOriginIsolated) return 1;
  return Math.max(1, Math.min(4, Math.floor((hardwareConcurrency ?? 1) / 2)));
}

export function backendLabel(name: BackendName): string {
  return { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU (JavaScript)' }[name];
}

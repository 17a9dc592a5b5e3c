import { describe, expect, it } from 'vitest';
import { backendOrder, isSoftwareRenderer, skipReasons, wasmThreadCount, type BackendProbe } from '../../web/src/worker/backends.ts';

const probe = (name: BackendProbe['name'], available: boolean, software = false): BackendProbe => ({ name, available, software, detail: '' });

describe('isSoftwareRenderer', () => {
  it('recognizes software GPU implementations', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
    expect(isSoftwareRenderer(null)).toBe(false);
  });
});

describe('backendOrder', () => {
  it('prefers hardware WebGPU, then WebGL, then WASM, then CPU', () => {
    const probes = [probe('webgpu', true), probe('webgl', true), probe('wasm', true), probe('cpu', true)];
    expect(backendOrder(probes, 'auto')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('skips a fallback adapter and a SwiftShader WebGL, landing on WASM', () => {
    const probes = [probe('webgpu', true, true), probe('webgl', true, true), probe('wasm', true), probe('cpu', true)];
    expect(backendOrder(probes, 'auto')).toEqual(['wasm', 'cpu']);
  });

  it('skips unavailable GPU APIs', () => {
    const probes = [probe('webgpu', false), probe('webgl', true), probe('wasm', true), probe('cpu', true)];
    expect(backendOrder(probes, 'auto')).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('puts a forced backend first even when it is software, keeping the automatic order as fallback', () => {
    const probes = [probe('webgpu', true, true), probe('webgl', true, true), probe('wasm', true), probe('cpu', true)];
    expect(backendOrder(probes, 'webgl')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder(probes, 'cpu')).toEqual(['cpu', 'wasm']);
  });

  it('ignores a forced backend the browser does not have', () => {
    const probes = [probe('webgpu', false), probe('webgl', false), probe('wasm', true), probe('cpu', true)];
    expect(backendOrder(probes, 'webgpu')).toEqual(['wasm', 'cpu']);
  });
});

describe('backendOrder with backends excluded', () => {
  it('never tries a backend that lost its device, even when forced', () => {
    const probes = [probe('webgpu', true), probe('webgl', true), probe('wasm', true), probe('cpu', true)];
    expect(backendOrder(probes, 'auto', ['webgpu'])).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder(probes, 'webgl', ['webgl'])).toEqual(['webgpu', 'wasm', 'cpu']);
  });
});

describe('backendOrder taking software adapters as real GPUs', () => {
  it('keeps the GPU order, as on a visitor’s machine with a GPU', () => {
    const probes = [probe('webgpu', true, true), probe('webgl', true, true), probe('wasm', true), probe('cpu', true)];
    expect(backendOrder(probes, 'auto', [], true)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder(probes, 'auto', ['webgpu'], true)).toEqual(['webgl', 'wasm', 'cpu']);
  });
});

describe('skipReasons', () => {
  const probes: BackendProbe[] = [
    { name: 'webgpu', available: true, software: true, detail: 'fallback adapter: google swiftshader' },
    { name: 'webgl', available: false, software: false, detail: 'no WebGL context' },
    probe('wasm', true),
    probe('cpu', true),
  ];

  it('says why each backend preferred over the active one is not used', () => {
    expect(skipReasons(probes, [], 'wasm')).toEqual([
      { name: 'webgpu', reason: 'software adapter only (fallback adapter: google swiftshader), slower than WebAssembly' },
      { name: 'webgl', reason: 'not available (no WebGL context)' },
    ]);
  });

  it('gives a tried backend its failure, a forced CPU that failed included, and names an excluded one', () => {
    const failed = [{ name: 'cpu' as const, reason: 'the warm-up scores differ from the built-in check by 0.5 (allowed 0.0032)' }];
    expect(skipReasons(probes, failed, 'wasm', ['webgpu'])).toEqual([
      { name: 'webgpu', reason: 'stopped working earlier in this session' },
      { name: 'webgl', reason: 'not available (no WebGL context)' },
      failed[0],
    ]);
    expect(skipReasons(probes, [], 'webgpu')).toEqual([]);
  });
});

describe('wasmThreadCount', () => {
  it('uses threads only when cross-origin isolated: half the cores, at most 4, so 1 on 2 cores', () => {
    expect(wasmThreadCount(8, false)).toBe(1);
    expect(wasmThreadCount(1, true)).toBe(1);
    expect(wasmThreadCount(2, true)).toBe(1);
    expect(wasmThreadCount(4, true)).toBe(2);
    expect(wasmThreadCount(16, true)).toBe(4);
    expect(wasmThreadCount(undefined, true)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { backendOrder, isSoftwareRenderer, type BackendProbe } from '../../web/src/worker/backends.ts';

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

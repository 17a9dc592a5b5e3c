import { describe, expect, it } from 'vitest';
import type { PreparedModel } from '../../models/model-index.ts';
import { asksFirst, modelOptions } from '../../web/src/lib/model-options.ts';
import { forwardGmac, wasmEstimate } from '../../web/src/lib/model-cost.ts';
import { formatDuration, formatMegabytes } from '../../web/src/lib/format.ts';

const prepared = (id: PreparedModel['architecture'], float32: number, extra: Partial<PreparedModel> = {}): PreparedModel => ({
  id, name: id, architecture: id, inputSize: id === 'squeezenet1_0' ? 227 : 224, parameters: float32 / 4, classCount: 1000, imported: false,
  variants: { float32, float16: float32 / 2 }, runsOn: ['cli', 'site', 'api'], ...extra,
});

describe('the model picker’s list', () => {
  it('offers every built-in; one the server has not prepared is disabled with how to prepare it', () => {
    const options = modelOptions([prepared('squeezenet1_1', 4_941_984), prepared('squeezenet1_0', 4_993_696)]);
    expect(options.map((o) => o.id)).toEqual(['squeezenet1_1', 'squeezenet1_0', 'vgg16']);
    expect(options[1]).toMatchObject({ inputSize: 227, unavailable: null, variants: { float32: 4_993_696, float16: 2_496_848 } });
    expect(options[2].unavailable).toMatch(/^not prepared on this server \(run `npm run models -- --model vgg16`/);
  });

  it('lists imported models after the built-ins, and refuses one that may not run in the browser', () => {
    const imported = prepared('squeezenet1_1', 4_000_000, { id: 'my-net', name: 'My net', imported: true, classCount: 10 });
    const cliOnly = prepared('vgg16', 553_433_881, { runsOn: ['cli'] });
    const options = modelOptions([prepared('squeezenet1_1', 4_941_984), cliOnly, imported]);
    expect(options.map((o) => o.id)).toEqual(['squeezenet1_1', 'squeezenet1_0', 'vgg16', 'my-net']);
    expect(options[2].unavailable).toBe('runs on the CLI only');
    expect(options[3]).toMatchObject({ imported: true, name: 'My net', unavailable: null });
  });

  it('asks before a download over 100 MB: VGG16 in either variant, never a SqueezeNet', () => {
    const [small, , vgg] = modelOptions([prepared('squeezenet1_1', 4_941_984), prepared('vgg16', 553_433_881)]);
    expect(asksFirst(small)).toBe(false);
    expect(asksFirst(vgg)).toBe(true);
    expect(asksFirst(vgg, 'float16')).toBe(true);
    expect(formatMegabytes(vgg.variants.float32)).toBe('553 MB');
    expect(formatMegabytes(vgg.variants.float16)).toBe('277 MB');
  });

  it('without an index, offers the built-ins with their known sizes (the engine says if one is missing)', () => {
    const options = modelOptions(null);
    expect(options.every((o) => o.unavailable === null)).toBe(true);
    expect(asksFirst(options[2])).toBe(true);
  });
});

describe('the WebAssembly time estimate', () => {
  it('scales by the work: VGG16 is about 44× SqueezeNet 1.1', () => {
    const vgg = { architecture: 'vgg16' as const, inputSize: 224 };
    expect(forwardGmac(vgg) / forwardGmac({ architecture: 'squeezenet1_1', inputSize: 224 })).toBeCloseTo(44.3, 1);
    const fixed = wasmEstimate(vgg, null);
    expect(fixed.warmupMs).toBeNull();
    expect(formatDuration(fixed.mapMs)).toBe('3.5 s');
    const measured = wasmEstimate(vgg, { architecture: 'squeezenet1_1', inputSize: 224, name: 'SqueezeNet 1.1', warmupMs: 600 });
    expect(measured.warmupMs).toBeCloseTo(600 * 44.29, -1);
    expect(measured.basis).toContain('warm-up here (600 ms)');
  });
});

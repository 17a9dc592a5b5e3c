/**
 * How long a model takes on WebAssembly here, estimated from its size of computation: multiply–
 * accumulates of one forward pass (torchvision's figures at 224×224, scaled by the input's area).
 * VGG16 is 15.5 GMAC against SqueezeNet 1.1's 0.35, about 44 times the work.
 */
import type { ArchitectureId } from '../../../models/architectures.ts';
import { FORWARD_GMAC_224 } from '../../../models/model-facts.ts';

/** A saliency map of SqueezeNet 1.1 in headless Chromium on WebAssembly, 1 thread (README, `npm run bench:web`). */
export const MEASURED_MAP = { architecture: 'squeezenet1_1' as ArchitectureId, inputSize: 224, ms: 80 };

interface Sized {
  architecture: ArchitectureId;
  inputSize: number;
}

export function forwardGmac({ architecture, inputSize }: Sized): number {
  return FORWARD_GMAC_224[architecture] * (inputSize / 224) ** 2;
}

export interface WasmEstimate {
  /** How many times the work of the model it is compared with. */
  ratio: number;
  /** One saliency map (a forward and a backward pass), and about one class-visualization step. */
  mapMs: number;
  /** The first pass (building it and its built-in check), when the active model's warm-up was measured here. */
  warmupMs: number | null;
  basis: string;
}

/**
 * The estimate for `target`: the measured rate scaled by the work, and, when the active model's
 * warm-up was timed on this machine, that time scaled the same way. An estimate, said as one.
 */
export function wasmEstimate(target: Sized, measured: (Sized & { name: string; warmupMs: number }) | null): WasmEstimate {
  const ratio = forwardGmac(target) / forwardGmac(MEASURED_MAP);
  const mapMs = MEASURED_MAP.ms * ratio;
  if (!measured) return { ratio, mapMs, warmupMs: null, basis: `${MEASURED_MAP.ms} ms per SqueezeNet 1.1 map, measured in headless Chromium on 2 cores, × ${ratio.toFixed(0)}` };
  const scale = forwardGmac(target) / forwardGmac(measured);
  return {
    ratio,
    mapMs,
    warmupMs: measured.warmupMs * scale,
    basis: `${MEASURED_MAP.ms} ms per SqueezeNet 1.1 map, measured in headless Chromium on 2 cores, and ${measured.name}'s warm-up here (${Math.round(measured.warmupMs)} ms), each × the work ratio`,
  };
}

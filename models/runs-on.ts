import type { Surface } from './model-index.ts';

/**
 * The largest float32 weights the API loads: a Worker has 128 MB for everything, and TF.js's WASM heap
 * holds the weights, a copy while they load, and the activations and gradients of a backward pass.
 */
export const EDGE_WEIGHT_BUDGET_BYTES = 32 * 1024 * 1024;

export const EDGE_BUDGET_WHY = 'a Worker has 128 MB for the weights, their loading copy and a backward pass';

/** Where a model of `parameters` float32 weights may run. */
export function runsOn(parameters: number): Surface[] {
  return parameters * 4 <= EDGE_WEIGHT_BUDGET_BYTES ? ['cli', 'site', 'api'] : ['cli', 'site'];
}

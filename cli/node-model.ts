import type { Classifier } from '../core/model.ts';
import { loadModel } from '../models/load-model.ts';
import { fileWeightSource } from './file-weight-source.ts';
import { useWasmBackend } from './wasm-backend.ts';

/** The WASM backend plus a prepared model from disk: what every CLI command, test and benchmark starts with. */
export async function loadNodeModel(id: string, modelsDir?: string): Promise<Classifier> {
  await useWasmBackend();
  return loadModel(id, fileWeightSource(modelsDir));
}

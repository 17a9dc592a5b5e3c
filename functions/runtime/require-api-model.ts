import { readModelIndex } from '../../models/read-model-index.ts';
import { MODELS, modelEntry } from '../../models/registry.ts';
import { EDGE_BUDGET_WHY, EDGE_WEIGHT_BUDGET_BYTES } from '../../models/runs-on.ts';
import { ProblemError } from '../http/problem.ts';
import { assetWeightSource } from './asset-weight-source.ts';

const MiB = 1024 * 1024;

/**
 * Refuses, before any work, a model this API does not run. A built-in model is looked up in the
 * registry (no fetch); any other id in the prepared models' index, where `gradlens models import` lists
 * what it made. Unknown ids stay the registry's 404 (`model/unknown`); a model too large for a Worker
 * (VGG16) is a 400 that says why and where it does run — the same status as the API's other
 * Worker-budget limits, which are 400s too.
 *
 * @example
 * await requireApiModel('vgg16', env.ASSETS); // throws: "VGG16 (vgg16) does not run on this API: …"
 */
export async function requireApiModel(id: string, assets: Fetcher): Promise<void> {
  const builtIn = Object.hasOwn(MODELS, id) ? MODELS[id] : undefined;
  if (builtIn) {
    if (!builtIn.runsOn.includes('api')) throw notOnApi(id, builtIn.info.name, builtIn.weights.parameters);
    return;
  }
  const imported = (await readModelIndex(assetWeightSource(assets))).find((m) => m.imported && m.id === id);
  if (!imported) modelEntry(id);
  else if (!imported.runsOn.includes('api')) throw notOnApi(id, imported.name, imported.parameters);
}

function notOnApi(id: string, name: string, parameters: number): ProblemError {
  const weightsMiB = Math.round((parameters * 4) / MiB);
  return new ProblemError(
    400,
    `${name} (${id}) does not run on this API: its ${parameters.toLocaleString('en-US')} float32 weights (${weightsMiB} MiB) do not fit a Worker. The API loads at most ${EDGE_WEIGHT_BUDGET_BYTES / MiB} MiB of weights: ${EDGE_BUDGET_WHY}.`,
    { code: 'model/not-on-api', hint: `The site runs it in your browser and the CLI on your machine, e.g. npx gradlens saliency IMAGE --model ${id} --out map.png.` },
  );
}

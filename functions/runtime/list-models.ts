import type { Preprocessing } from '../../core/model.ts';
import { ARCHITECTURES, isArchitectureId } from '../../models/architectures.ts';
import type { Surface } from '../../models/model-index.ts';
import { readModelIndex } from '../../models/read-model-index.ts';
import { DEFAULT_MODEL_ID, MODELS } from '../../models/registry.ts';
import { assetWeightSource } from './asset-weight-source.ts';

/** A model as GET /api/v1/models describes it. */
export interface ListedModel {
  id: string;
  name: string;
  inputSize: number;
  preprocessing: Preprocessing;
  parameters: number;
  classCount: number;
  default: boolean;
  /** Made by `gradlens models import` from a user's checkpoint. */
  imported: boolean;
  /** Where it may run at all. */
  runsOn: Surface[];
  /** Its weights are prepared on this deployment (listed in the prepared models' index). */
  prepared: boolean;
  /** This API computes with it: it runs on the API and its weights are prepared here. */
  availableHere: boolean;
}

/**
 * Every built-in model, then every imported one this deployment serves (from the prepared models'
 * index, read through the assets binding like the weights). An imported model takes its architecture's
 * torchvision preprocessing, which its checkpoint was trained with.
 */
export async function listModels(assets: Fetcher): Promise<ListedModel[]> {
  const index = await readModelIndex(assetWeightSource(assets));
  const preparedIds = new Set(index.map((m) => m.id));
  const listed = (model: Omit<ListedModel, 'default' | 'prepared' | 'availableHere'>): ListedModel => {
    const prepared = preparedIds.has(model.id);
    return { ...model, default: model.id === DEFAULT_MODEL_ID, prepared, availableHere: prepared && model.runsOn.includes('api') };
  };
  const builtIn = Object.values(MODELS).map(({ info, weights, runsOn }) =>
    listed({ id: info.id, name: info.name, inputSize: info.inputSize, preprocessing: info.preprocessing, parameters: weights.parameters, classCount: info.classNames.length, imported: false, runsOn }),
  );
  const imported = index
    .filter((m) => m.imported && !Object.hasOwn(MODELS, m.id) && isArchitectureId(m.architecture))
    .map((m) =>
      listed({ id: m.id, name: m.name, inputSize: m.inputSize, preprocessing: ARCHITECTURES[m.architecture].preprocessing, parameters: m.parameters, classCount: m.classCount, imported: true, runsOn: m.runsOn }),
    );
  return [...builtIn, ...imported];
}

/**
 * What each job does, in terms of the shared gradient core. No maths here: the worker only adapts
 * the core's calls to messages (progress out, pause and cancel in).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Classifier } from '../../../core/model.ts';
import type { BackendName } from './backends.ts';
import { loseDevice } from './device-loss.ts';
import { classVisualization, fgsm, fool, predict, saliencyMaps } from '../../../core/index.ts';
import type { JobControl } from './job-control.ts';
import type { JobType, Jobs } from './protocol.ts';

export interface JobContext<T extends JobType> {
  model: Classifier;
  control: JobControl;
  progress(value: Jobs[T]['progress']): void;
}

type Handler<T extends JobType> = (input: Jobs[T]['input'], context: JobContext<T>) => Promise<Jobs[T]['output']>;
/** Jobs on the active model (init chooses it; compare and transfer name their own). */
export type ModelJobType = Exclude<JobType, 'init' | 'compare' | 'transfer'>;

export const handlers: { [T in ModelJobType]: Handler<T> } = {
  predict: (input, { model }) => predict(model, input.image, input.topK),

  saliency: (input, { model, control }) => saliencyMaps(model, input.image, { ...input.options, signal: control.signal }),

  fgsm: (input, { model }) => fgsm(model, input.image, { epsilon: input.epsilon, target: input.target }),

  fool: (input, { model, control, progress }) =>
    fool(model, input.image, {
      target: input.target,
      learningRate: input.learningRate,
      maxSteps: input.maxSteps,
      until8bit: input.until8bit,
      signal: control.signal,
      onStep: async (step) => {
        progress({ step: step.step, targetProbability: step.targetProbability, top: step.top });
        await control.checkpoint();
      },
    }),

  classviz: (input, { model, control, progress }) =>
    classVisualization(model, {
      ...input,
      signal: control.signal,
      onStep: async (step) => {
        progress({ step: step.step, total: step.total, image: step.image, probability: step.probability });
        await control.checkpoint();
      },
    }),

  memory: async () => {
    const { numTensors, numBytes } = tf.memory();
    return { numTensors, numBytes };
  },

  loseDevice: async () => loseDevice(tf.getBackend() as BackendName),
};

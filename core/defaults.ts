/** Every default of the gradient core, in one place. Units are in the names. */
export const DEFAULTS = {
  topK: 5,
  saliency: {
    method: 'vanilla' as 'vanilla' | 'smoothgrad' | 'integrated-gradients',
    /** SmoothGrad (Smilkov et al. 2017): samples and noise σ as a fraction of the input's value range. */
    smoothGradSamples: 25,
    smoothGradNoise: 0.15,
    /** Integrated Gradients (Sundararajan et al. 2017): Riemann steps from a black image. */
    integratedGradientsSteps: 25,
    seed: 0,
    maxTopK: 10,
  },
  adversarial: {
    fgsmEpsilon255: 2,
    foolLearningRate: 1,
    foolMaxSteps: 100,
    /** The difference image shows 128 + magnification · (adversarial − original). */
    differenceMagnification: 10,
  },
  classVisualization: {
    preset: 'cs231n' as 'cs231n' | 'normalized',
    seed: 0,
    blurSigma: 0.5,
    /** Intermediate frames for onStep, every this many iterations. */
    frameEvery: 5,
  },
} as const;

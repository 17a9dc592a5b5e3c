/** The shared gradient core: one import for the CLI, the edge and the site. */
export type { Classifier, Cotangent, Differentiable, ModelInfo, ScoresAndGradient } from './model.ts';
export type { ClassRef, ClassTarget, FloatRgbImage, Prediction, RgbaImage, RgbImage } from './types.ts';
export { GradlensError, isGradlensError, type ErrorCode } from './errors.ts';
export { DEFAULTS } from './defaults.ts';
export { LIMITS, EDGE_LIMITS, limitOf, limitMessage, type Limit } from './limits.ts';
export { checkParameter } from './check-parameter.ts';
export { VOCABULARY, type Parameter } from './vocabulary.ts';
export { predict, classScores } from './predict/predict.ts';
export { resolveClass } from './predict/resolve-class.ts';
export { softmax, topPredictions } from './predict/top-predictions.ts';
export { saliencyMaps, type SaliencyMap, type SaliencyMethod, type SaliencyOptions, type SaliencyResult } from './saliency/saliency-maps.ts';
export { fgsm, type FgsmOptions } from './adversarial/fgsm.ts';
export { fool, type FoolOptions, type FoolStep } from './adversarial/fool.ts';
export { normalizedStep } from './adversarial/normalized-step.ts';
export type { AttackReport, AttackKind } from './adversarial/attack-report.ts';
export { classVisualization, type ClassVisualizationOptions, type ClassVisualizationProgress, type ClassVisualizationResult } from './classviz/class-visualization.ts';
export { PRESETS, type ClassVisualizationSettings } from './classviz/presets.ts';
export { imageToInput, quantize } from './tensor/image-tensor.ts';

/**
 * Request parameters of the compute routes. The same schemas validate the query string, validate the
 * multipart form fields and generate the OpenAPI document. Fields are optional without zod defaults:
 * the gradient core owns the defaults (core/defaults.ts), so an absent field means "the core's default".
 */
import { z } from '@hono/zod-openapi';
import { SAMPLE_LIMITS } from '../config.ts';

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const model = z.string().min(1).max(64).openapi({ description: 'Model id (GET /api/v1/models).', example: 'squeezenet1_1' });

/** `top`, a class index or a (unique part of a) class name. */
const classTarget = z
  .string()
  .min(1)
  .max(100)
  .openapi({ description: '`top`, a class index (0–999) or an ImageNet class name.', example: 'top' });

const fit = z.enum(['squash', 'center-crop']).openapi({ description: 'How a non-square image becomes the model’s square input.' });

export const PredictParams = z.strictObject({
  model: model.optional(),
  topK: integer(SAMPLE_LIMITS.predictTopK.min, SAMPLE_LIMITS.predictTopK.max).optional().openapi({ example: 5 }),
  fit: fit.optional(),
});

export const SaliencyParams = z.strictObject({
  model: model.optional(),
  class: classTarget.optional(),
  topK: integer(SAMPLE_LIMITS.topK.min, SAMPLE_LIMITS.topK.max)
    .optional()
    .openapi({ description: 'One map for each of the k most probable classes (overrides `class`).' }),
  method: z.enum(['vanilla', 'smoothgrad', 'integrated-gradients']).optional().openapi({ example: 'vanilla' }),
  samples: integer(SAMPLE_LIMITS.samples.min, SAMPLE_LIMITS.samples.max).optional().openapi({ description: 'SmoothGrad samples.' }),
  noise: z.coerce.number().min(0).max(1).optional().openapi({ description: 'SmoothGrad noise σ as a fraction of the input range.' }),
  steps: integer(SAMPLE_LIMITS.steps.min, SAMPLE_LIMITS.steps.max).optional().openapi({ description: 'Integrated Gradients steps.' }),
  seed: integer(0, 2 ** 31 - 1).optional(),
  fit: fit.optional(),
});

export const AdversarialParams = z.strictObject({
  model: model.optional(),
  attack: z.enum(['fgsm', 'normalized-step']).optional().openapi({ description: 'Single-step attacks only; default fgsm.' }),
  epsilon: z.coerce.number().min(0).max(255).optional().openapi({ description: 'FGSM step in 0–255 pixel units.', example: 2 }),
  target: classTarget.optional().openapi({ description: 'Target class: FGSM becomes targeted; required by normalized-step.' }),
  lr: z.coerce.number().positive().max(100).optional().openapi({ description: 'Step length of normalized-step (normalized-input units).' }),
  fit: fit.optional(),
});

export type PredictParams = z.infer<typeof PredictParams>;
export type SaliencyParams = z.infer<typeof SaliencyParams>;
export type AdversarialParams = z.infer<typeof AdversarialParams>;

const imageField = z
  .custom<File>((v) => v instanceof File, {
    // Repeated form fields arrive as an array.
    error: (issue) => (Array.isArray(issue.input) ? 'send one image file, not several' : 'must be a file'),
  })
  .openapi({ type: 'string', format: 'binary', description: 'PNG or JPEG image.' });

/** Multipart bodies carry the image and may carry the parameters as fields. */
export function withImage<T extends z.ZodObject>(params: T) {
  return params.extend({ image: imageField });
}

/** The request body shapes every compute route accepts. */
export function imageBody<T extends z.ZodObject>(params: T) {
  const binary = { schema: z.any().openapi({ type: 'string', format: 'binary' }) };
  return {
    // Not `required: true`: @hono/zod-openapi would then run the form validator on raw image bodies
    // too. The handler refuses a missing image (400) itself.
    required: false,
    description: 'Multipart with field `image` (parameters may be fields too), or the raw image bytes.',
    content: {
      'multipart/form-data': { schema: withImage(params) },
      'image/png': binary,
      'image/jpeg': binary,
    },
  };
}

/**
 * Request parameters of the compute routes. The same schemas validate the query string, validate the
 * multipart form fields and generate the OpenAPI document. Fields are optional without zod defaults:
 * an absent field means the core's default (core/defaults.ts, shown as `default` in the document).
 * Names are the vocabulary's (core/vocabulary.ts); the older spelling `lr` is still accepted.
 */
import { z } from '@hono/zod-openapi';
import { DEFAULTS, SALIENCY_METHODS } from '../../core/defaults.ts';
import { limitMessage, limitOf, type Command, type LimitedName } from '../../core/limits.ts';
import { parameter } from '../../core/vocabulary.ts';

/** Descriptions come from the one vocabulary, defaults from the one table, bounds from the one set of limits. */
const meaning = (name: string) => parameter(name).meaning;

/** A numeric field within its edge limit; out of range reads exactly as on the CLI and the site. */
function limited<C extends Command>(command: C, name: LimitedName<C>, byDefault: number) {
  const limit = limitOf(command, name, 'edge');
  const error = (issue: { input?: unknown }) => limitMessage(name, limit, issue.input);
  const number = z.coerce.number({ error });
  return (limit.integer ? number.int({ error }) : number)
    .min(limit.min, { error })
    .max(limit.max, { error })
    .optional()
    // Type and bounds spelled out: the generator would otherwise add "null" to fields whose minimum is 0.
    .openapi({ type: limit.integer ? 'integer' : 'number', minimum: limit.min, maximum: limit.max, description: meaning(name) + (limit.why ? ` At most ${limit.max} here: ${limit.why}.` : ''), default: byDefault });
}

const model = z.string().min(1).max(64).openapi({ description: meaning('model'), example: 'squeezenet1_1' });

/** `top`, a class index or a (unique part of a) class name. */
const classTarget = (name: 'class' | 'target') => z.string().min(1).max(100).openapi({ description: meaning(name), example: name === 'class' ? 'top' : 'hen' });

const fit = z.enum(['squash', 'center-crop']).openapi({ description: meaning('fit'), default: DEFAULTS.fit });

export const PredictParams = z.strictObject({
  model: model.optional(),
  topK: limited('predict', 'topK', DEFAULTS.predict.topK),
  fit: fit.optional(),
});

const s = DEFAULTS.saliency;

export const SaliencyParams = z.strictObject({
  model: model.optional(),
  class: classTarget('class').optional().openapi({ default: s.class }),
  topK: limited('saliency', 'topK', s.topK).openapi({ default: undefined }),
  method: z.enum(SALIENCY_METHODS).optional().openapi({ description: meaning('method'), default: s.method }),
  samples: limited('saliency', 'samples', s.samples),
  noise: limited('saliency', 'noise', s.noise),
  steps: limited('saliency', 'steps', s.steps),
  seed: limited('saliency', 'seed', s.seed),
  fit: fit.optional(),
});

const a = DEFAULTS.attack;

export const AdversarialParams = z.strictObject({
  model: model.optional(),
  attack: z.enum(['fgsm', 'normalized-step']).optional().openapi({ description: 'Single-step attacks only: fgsm, or normalized-step (one step of the iterative attack).', default: a.attack }),
  epsilon: limited('attack', 'epsilon', a.epsilon),
  target: classTarget('target').optional(),
  learningRate: limited('attack', 'learningRate', a.learningRate),
  /** The older spelling of learningRate. */
  lr: limited('attack', 'learningRate', a.learningRate).openapi({ deprecated: true, description: 'Older spelling of `learningRate`.' }),
  fit: fit.optional(),
});

export type PredictParams = z.infer<typeof PredictParams>;
export type SaliencyParams = z.infer<typeof SaliencyParams>;
export type AdversarialParams = z.infer<typeof AdversarialParams>;

const imageField = z
  .custom<File>((v) => v instanceof File, {
    // Repeated form fields arrive as an array.
    error: (issue) =>
      issue.input === undefined ? 'missing: send the image as form field "image"' : Array.isArray(issue.input) ? 'send one image file, not several' : 'must be a file',
  })
  .openapi({ type: 'string', format: 'binary', description: 'PNG or JPEG image.' });

/** Multipart bodies carry the image and may carry the parameters as fields. */
export function withImage<T extends z.ZodObject>(params: T) {
  return params.extend({ image: imageField });
}

/** The multipart bodies of the compute routes, named in the OpenAPI document (see routes/docs.ts). */
export const UPLOAD_SCHEMAS = {
  PredictUpload: withImage(PredictParams),
  SaliencyUpload: withImage(SaliencyParams),
  AdversarialUpload: withImage(AdversarialParams),
};

/**
 * The request body shapes every compute route accepts. The multipart schema is a reference, not a zod
 * schema, so the OpenAPI layer adds no media-type gate of its own (its pattern refused valid headers
 * such as `multipart/form-data; charset=utf-8; boundary=…`): compute/image-input.ts reads and validates
 * the body.
 */
export function imageBody(upload: keyof typeof UPLOAD_SCHEMAS) {
  const binary = { schema: { type: 'string' as const, format: 'binary' } };
  return {
    required: false,
    description: 'Multipart with field `image` (parameters may be fields too), or the raw image bytes.',
    content: {
      'multipart/form-data': { schema: { $ref: `#/components/schemas/${upload}` } },
      'image/png': binary,
      'image/jpeg': binary,
    },
  };
}

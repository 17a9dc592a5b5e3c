import { GradlensError } from '../core/errors.ts';
import { MODELS } from './registry.ts';

/** What a model id may be: lower-case letters, digits, `_` and `-`, up to 64; it names a folder and goes in URLs. */
export const MODEL_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The one answer for an id that is neither built in nor imported. */
export function unknownModel(id: string): GradlensError {
  return new GradlensError('model/unknown', `Unknown model "${id}".`, `Available models: ${Object.keys(MODELS).join(', ')}, or one made by \`gradlens models import\`.`);
}

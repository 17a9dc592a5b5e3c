import { GradlensError, isGradlensError } from '../errors.ts';

/**
 * What a decoder's exception becomes: the user learns the file is damaged, and the decoder's own
 * words stay in the message for whoever debugs it. Errors that already carry a code pass through.
 */
export function corruptImageError(format: 'PNG' | 'JPEG', cause: unknown): GradlensError {
  if (isGradlensError(cause)) return cause;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new GradlensError(
    'image/corrupt',
    `The ${format} file is damaged or cut short (${detail}).`,
    'Re-download or re-export the image and try again.',
  );
}

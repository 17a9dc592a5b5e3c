/**
 * The uploaded image of a compute request: multipart field `image` or the raw body. Its header is
 * checked (format, pixel budget) before anything is decoded.
 */
import type { Context } from 'hono';
import { GradlensError } from '../../core/errors.ts';
import { checkPixelBudget, readImageHeader } from '../../core/image/index.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../http/problem.ts';

export interface Upload {
  bytes: Uint8Array;
  /** Parameters sent as multipart fields (already validated by the route's form schema). */
  fields: Record<string, unknown>;
}

function isMultipart(c: Context<AppEnv>): boolean {
  return (c.req.header('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** Reads the image bytes; `form` is the route's validated form (an empty object for raw bodies). */
export async function readUpload(c: Context<AppEnv>, form: Record<string, unknown>): Promise<Upload> {
  if (isMultipart(c)) {
    const { image, ...fields } = form;
    if (!(image instanceof File)) {
      throw new ProblemError(400, 'The multipart body has no file field "image".', { hint: 'Send the image as form field "image".' });
    }
    return { bytes: new Uint8Array(await image.arrayBuffer()), fields };
  }
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), fields: {} };
}

/** Refuses unsupported, corrupt or over-budget images from the header alone. */
export function checkImageHeader(bytes: Uint8Array, maxPixels: number): void {
  if (bytes.byteLength === 0) {
    throw new GradlensError('image/empty', 'The request carries no image.', 'Send a PNG or JPEG as the body or as form field "image".');
  }
  checkPixelBudget(readImageHeader(bytes), maxPixels);
}

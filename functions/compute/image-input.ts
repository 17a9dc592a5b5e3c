/**
 * The uploaded image of a compute request: multipart field `image` or the raw body. The media type is
 * read here, with RFC 9110 parameters in any order (`charset`, a quoted `boundary`), rather than by
 * the OpenAPI layer's gate, which refused valid multipart headers. The header of the image is checked
 * (format, pixel budget) before anything is decoded.
 */
import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import { GradlensError } from '../../core/errors.ts';
import { checkPixelBudget, readImageHeader } from '../../core/image/index.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../http/problem.ts';
import { validationProblem } from '../http/validation.ts';
import { withImage } from '../schemas/params.ts';

export interface Upload {
  bytes: Uint8Array;
  /** Parameters sent as multipart fields, validated by the route's parameter schema. */
  fields: Record<string, unknown>;
}

const RAW_IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

/** The media type without its parameters, lower case ("multipart/form-data; boundary=x" → "multipart/form-data"). */
function essence(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';', 1)[0].trim().toLowerCase();
  return type || undefined;
}

export function notAnImageUpload(contentType: string | undefined): ProblemError {
  return new ProblemError(415, `The body (${contentType ?? 'no Content-Type'}) is not an image upload.`, {
    hint: 'Send a PNG or JPEG as multipart/form-data field "image", or as the raw body with Content-Type image/png or image/jpeg.',
  });
}

/** Form entries as an object; a repeated name becomes an array, which the schema then refuses by name. */
function formFields(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  form.forEach((value, name) => {
    const earlier = fields[name];
    if (earlier === undefined) fields[name] = value;
    else fields[name] = Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  });
  return fields;
}

async function readForm(c: Context<AppEnv>, contentType: string): Promise<FormData> {
  const body = await c.req.arrayBuffer();
  try {
    return await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    throw new ProblemError(400, 'The multipart body cannot be parsed.', {
      hint: 'Check that the boundary in Content-Type is the one the body uses; most HTTP clients set both when given a form.',
    });
  }
}

/** Reads the image bytes and the parameters sent as form fields, validated by `params`. */
export async function readUpload(c: Context<AppEnv>, params: z.ZodObject): Promise<Upload> {
  const contentType = c.req.header('Content-Type');
  const type = essence(contentType);
  if (type === 'multipart/form-data') {
    const parsed = withImage(params).safeParse(formFields(await readForm(c, contentType!)));
    if (!parsed.success) throw validationProblem(parsed.error.issues);
    const { image, ...fields } = parsed.data as Record<string, unknown> & { image: File };
    return { bytes: new Uint8Array(await image.arrayBuffer()), fields };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (type === undefined ? bytes.byteLength > 0 : !RAW_IMAGE_TYPES.has(type)) throw notAnImageUpload(contentType);
  return { bytes, fields: {} };
}

/** Refuses unsupported, corrupt or over-budget images from the header alone. */
export function checkImageHeader(bytes: Uint8Array, maxPixels: number): void {
  if (bytes.byteLength === 0) {
    throw new GradlensError('image/empty', 'The request carries no image.', 'Send a PNG or JPEG as the body or as form field "image".');
  }
  checkPixelBudget(readImageHeader(bytes), maxPixels);
}

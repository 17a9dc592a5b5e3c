/**
 * Any image file the visitor gives → a square RGB image at the model's input size (224×224; 227×227
 * for SqueezeNet 1.0). PNG and JPEG go through the
 * core's one pipeline (core/image/model-image.ts: decode, EXIF orientation, fit, resize), exactly as
 * on the CLI and the API, so one file gives one input everywhere. Formats the core does not read
 * (WebP, GIF, AVIF, …) are decoded by the browser, downsized to a long side of 1024 px, then fitted
 * by the core.
 */
import type { FitMode } from '../../../core/image/fit-image.ts';
import type { RgbImage } from '../../../core/types.ts';
// A dependency-free file of the core: the main bundle stays free of the decoders.
import { flattenAlpha } from '../../../core/image/flatten-alpha.ts';

/** Longest side kept from a browser decode (formats the core does not read) before the core fits it. */
const DECODE_MAX_SIDE = 1024;
const MAX_FILE_BYTES = 40 * 1024 * 1024;

export interface DecodedInput {
  /** Fitted to the model's input size. */
  image: RgbImage;
  /** As decoded: what `fitInput` refits when the fit mode changes. */
  source: RgbImage;
  originalWidth: number;
  originalHeight: number;
}

export class InputError extends Error {
  constructor(readonly code: string, message: string, readonly hint?: string) {
    super(message);
    this.name = 'InputError';
  }
}

export async function decodeInput(blob: Blob, fit: FitMode, inputSize: number): Promise<DecodedInput> {
  if (blob.size === 0) throw new InputError('image/empty', 'The file is empty.', 'Choose a JPEG, PNG or WebP image.');
  if (blob.size > MAX_FILE_BYTES) {
    throw new InputError('image/too-large', `The file is ${(blob.size / 1048576).toFixed(0)} MB; the limit is 40 MB.`, 'Export a smaller JPEG.');
  }
  if (blob.type && !blob.type.startsWith('image/')) {
    throw new InputError('image/unsupported', `“${blob.type}” is not an image.`, 'Choose a JPEG, PNG or WebP image.');
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const core = await import('../../../core/image/index.ts');
  if (coreReads(core, bytes)) return withInputError(() => {
    const { image, decoded } = core.modelImage(bytes, inputSize, fit); // the core's pixel budget
    return { image, source: decoded, originalWidth: decoded.width, originalHeight: decoded.height };
  });
  const decoded = await decodeWithBrowser(blob);
  if (!decoded) return withInputError(() => core.decodeImage(bytes) as never); // says precisely why
  return { ...decoded, source: decoded.image, image: await fitInput(decoded.image, fit, inputSize) };
}

type CoreImage = typeof import('../../../core/image/index.ts');

/** Whether the bytes are a PNG or JPEG (the core's formats); broken ones too, so the core names the fault. */
function coreReads(core: CoreImage, bytes: Uint8Array): boolean {
  try {
    core.readImageHeader(bytes);
    return true;
  } catch (error) {
    return (error as { code?: string }).code !== 'image/unsupported';
  }
}

/** The core's errors as the UI shows them. */
function withInputError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    const e = error as { code?: string; message?: string; hint?: string };
    if (e && typeof e.code === 'string') throw new InputError(e.code, e.message ?? 'The image cannot be read.', e.hint);
    throw new InputError('image/corrupt', 'This file cannot be read as an image.', 'It may be damaged or in a format browsers do not support; try a JPEG or PNG.');
  }
}

/** The model-size square of a decoded image; the core's resampler is loaded on first use, off the main bundle. */
export async function fitInput(source: RgbImage, fit: FitMode, inputSize: number): Promise<RgbImage> {
  const { fitImage } = await import('../../../core/image/index.ts');
  return fitImage(source, inputSize, fit);
}

type Decoded = Omit<DecodedInput, 'source'>;

async function decodeWithBrowser(blob: Blob): Promise<Decoded | null> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  let full: ImageBitmap;
  try {
    full = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    return null; // not decodable by the browser: let the core say precisely why
  }
  const { width: originalWidth, height: originalHeight } = full;
  const scale = Math.min(1, DECODE_MAX_SIDE / Math.max(originalWidth, originalHeight));
  const width = Math.max(1, Math.round(originalWidth * scale));
  const height = Math.max(1, Math.round(originalHeight * scale));
  const bitmap = scale < 1 ? await createImageBitmap(full, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' }) : full;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return null;
  // Transparent pixels are flattened on white, as the core's decoder does.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0);
  full.close();
  bitmap.close();
  return { image: flattenAlpha(context.getImageData(0, 0, width, height)), originalWidth, originalHeight };
}

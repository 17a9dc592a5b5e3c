/** Image formats gradlens decodes. */
export type ImageFormat = 'png' | 'jpeg';

/** What an image's header says about it, read before any pixel is decoded. */
export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

/** Shown with every 'image/unsupported' error so the user knows what to send instead. */
export const SUPPORTED_FORMATS_HINT = 'gradlens reads PNG and JPEG images; convert the file to one of them.';

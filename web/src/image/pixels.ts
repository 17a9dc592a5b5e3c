/** Pixel-format plumbing between canvases (RGBA) and the core's plain RGB images. No image maths. */
import type { RgbImage, RgbaImage } from '../../../core/types.ts';

export function rgbToRgba(rgb: RgbImage): RgbaImage {
  const data = new Uint8ClampedArray(rgb.width * rgb.height * 4);
  for (let i = 0, j = 0; i < rgb.data.length; i += 3, j += 4) {
    data[j] = rgb.data[i];
    data[j + 1] = rgb.data[i + 1];
    data[j + 2] = rgb.data[i + 2];
    data[j + 3] = 255;
  }
  return { width: rgb.width, height: rgb.height, data };
}

export function isRgba(image: RgbImage | RgbaImage): image is RgbaImage {
  return image.data.length === image.width * image.height * 4;
}

/** Draws an RGB or RGBA image onto a canvas, resizing the canvas to the image. */
export function paint(canvas: HTMLCanvasElement, image: RgbImage | RgbaImage): void {
  const rgba = isRgba(image) ? image : rgbToRgba(image);
  if (canvas.width !== rgba.width) canvas.width = rgba.width;
  if (canvas.height !== rgba.height) canvas.height = rgba.height;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.putImageData(new ImageData(new Uint8ClampedArray(rgba.data), rgba.width, rgba.height), 0, 0);
}

/** PNG bytes of an image through the core's encoder, as a Blob for downloads and uploads. */
export async function pngBlob(image: RgbImage): Promise<Blob> {
  const { encodePng } = await import('../../../core/image/index.ts');
  const bytes = encodePng(image);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { GradlensError } from '../../core/errors.ts';

/**
 * Extensions taken from a folder: the formats the core reads, and other image formats, so that an image
 * the core cannot read is reported in the summary rather than passed over in silence.
 */
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif', '.bmp', '.tif', '.tiff', '.heic']);

/**
 * The images of a batch: the image files of a folder, by name (not its subfolders, not hidden files),
 * or the lines of a `.txt` list (one path a line, relative to the list's folder; blank lines and
 * `#` comments skipped), each image once.
 */
export async function batchInputs(input: string): Promise<string[]> {
  const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
    throw new GradlensError('options/invalid', `Cannot read ${input}: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}.`);
  });
  let images: string[];
  if (info.isDirectory()) {
    const entries = await readdir(input, { withFileTypes: true });
    images = entries
      .filter((e) => !e.isDirectory() && !e.name.startsWith('.') && IMAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
      .map((e) => path.join(input, e.name))
      .sort();
  } else if (path.extname(input).toLowerCase() === '.txt') {
    const lines = (await readFile(input, 'utf8')).split(/\r?\n/).map((line) => line.trim());
    images = lines.filter((line) => line !== '' && !line.startsWith('#')).map((line) => path.resolve(path.dirname(input), line));
  } else {
    throw new GradlensError('options/invalid', `${input} is neither a folder of images nor a .txt list of image paths.`);
  }
  if (images.length === 0) throw new GradlensError('options/invalid', `${input} holds no images (.png, .jpg, .jpeg; other image formats are listed as errors).`);
  return [...new Set(images)];
}

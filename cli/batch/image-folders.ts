import path from 'node:path';
import { SUMMARY_FILE } from './summary-line.ts';

/**
 * The output folder of each image under the batch's --out: its file name without the extension, with
 * `-2`, `-3`, … after a name already taken (`a.png` and `a.jpg`, or the same name in two folders of a
 * list). Decided by the input order alone, so a resumed run gives every image the same folder.
 */
export function imageFolders(images: readonly string[]): string[] {
  const taken = new Set([SUMMARY_FILE]);
  return images.map((image) => {
    const stem = path.basename(image, path.extname(image)) || 'image';
    let name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
    taken.add(name);
    return name;
  });
}

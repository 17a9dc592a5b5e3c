import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A path inside the read-only shared data (test images, reference outputs): `<repo>/../shared` by
 * default, or the folder named by GRADLENS_SHARED when the checkout lives elsewhere.
 */
export function sharedDir(...parts: string[]): string {
  const root = process.env.GRADLENS_SHARED ?? path.resolve(here, '../../../shared');
  return path.join(root, ...parts);
}

import { numberedPath, suffixedPath } from '../image-files.ts';

interface Links {
  maps?: { heatmapUrl: string; overlayUrl: string; rawUrl: string }[];
  adversarialUrl?: string;
  differenceUrl?: string;
}

/**
 * The files an API document links, under the names a local batch gives them: each saliency map's
 * heatmap, overlay and raw `.npy` (numbered `-1 … -K` for several maps, as `saliency --top-k` numbers
 * its files), the attack's adversarial and difference images. The input and share card are not fetched.
 */
export function linkedFiles(document: Record<string, unknown>): { url: string; name: string }[] {
  const { maps = [], adversarialUrl, differenceUrl } = document as Links;
  const files = maps.flatMap((map, i) => [
    { url: map.heatmapUrl, name: numberedPath('heatmap.png', i, maps.length) },
    { url: map.overlayUrl, name: numberedPath('overlay.png', i, maps.length) },
    { url: map.rawUrl, name: numberedPath('raw.npy', i, maps.length) },
  ]);
  if (adversarialUrl) files.push({ url: adversarialUrl, name: 'adversarial.png' });
  if (differenceUrl) files.push({ url: differenceUrl, name: suffixedPath('adversarial.png', 'difference') });
  return files;
}

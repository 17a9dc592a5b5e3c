/** Fit mode of the input: squash by default, center crop on request, refitted without decoding again. */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { cropImage, decodeImage, encodePng, fitImage } from '../../core/image/index.ts';
import { appStore, initialState } from '../../web/src/state/app.ts';
import { setInputFit, setInputFromFile } from '../../web/src/state/input.ts';
import { sharedDir } from '../helpers/shared-path.ts';

async function widePng(): Promise<{ png: Uint8Array; width: number; height: number }> {
  const hay = await decodeImage(new Uint8Array(readFileSync(sharedDir('data/imagenet_val_25/00_hay.png'))));
  const wide = cropImage(hay, 0, 40, 224, 100);
  return { png: encodePng(wide), width: wide.width, height: wide.height };
}

beforeEach(() => appStore.set(initialState({ name: 'saliency' })));

describe('input fit mode', () => {
  it('squashes a non-square image by default and center-crops it on request, from the kept source', async () => {
    const { png } = await widePng();
    expect(appStore.get().inputFit).toBe('squash');
    await setInputFromFile(new Blob([new Uint8Array(png)], { type: 'image/png' }), 'wide.png');
    const squashed = appStore.get().input!;
    expect(squashed).toMatchObject({ fit: 'squash', originalWidth: 224, originalHeight: 100, name: 'wide.png' });
    expect([squashed.image.width, squashed.image.height]).toEqual([224, 224]);
    expect(squashed.image).toEqual(fitImage(squashed.source, 224, 'squash'));

    await setInputFit('center-crop');
    const cropped = appStore.get().input!;
    expect(cropped.fit).toBe('center-crop');
    expect(cropped.source).toBe(squashed.source);
    expect(cropped.image).toEqual(fitImage(squashed.source, 224, 'center-crop'));
    expect(cropped.image.data).not.toEqual(squashed.image.data);
  });

  it('fits the next file the chosen way and clears results computed for the old square', async () => {
    const { png } = await widePng();
    await setInputFit('center-crop');
    expect(appStore.get().input).toBeNull();
    await setInputFromFile(new Blob([new Uint8Array(png)], { type: 'image/png' }), 'wide.png');
    const input = appStore.get().input!;
    expect(input.fit).toBe('center-crop');
    expect(input.image).toEqual(fitImage(input.source, 224, 'center-crop'));

    appStore.set({ saliency: { ...appStore.get().saliency, error: { code: 'x', message: 'old' } } });
    await setInputFit('squash');
    expect(appStore.get().input!.fit).toBe('squash');
    expect(appStore.get().saliency.error).toBeNull();
  });
});

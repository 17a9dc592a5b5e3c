import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../web/src/image/decode.ts';
import { parseSampleIndex } from '../../web/src/state/input.ts';
import { rgbToRgba } from '../../web/src/image/pixels.ts';
import { flattenAlpha } from '../../core/image/flatten-alpha.ts';
import { readFileSync } from 'node:fs';
import { sharedDir } from '../helpers/shared-path.ts';

describe('parseSampleIndex', () => {
  it('reads the prepared sample index', () => {
    expect(parseSampleIndex([{ file: '00_hay.png', label: 958, name: 'hay' }])).toEqual([{ url: '/samples/00_hay.png', name: 'hay', label: 958 }]);
  });
  it('tolerates other shapes and junk', () => {
    expect(parseSampleIndex({ samples: [{ url: '/x/a.jpg' }, 3, null, { name: 'no file' }] })).toEqual([{ url: '/x/a.jpg', name: 'a' }]);
    expect(parseSampleIndex('<html>')).toEqual([]);
  });
});

describe('decodeInput (core decoder path, as when the browser cannot decode)', () => {
  it('decodes a PNG and fits it to 224×224', async () => {
    const bytes = readFileSync(sharedDir('data/imagenet_val_25/00_hay.png'));
    const decoded = await decodeInput(new Blob([bytes], { type: 'image/png' }), 'squash', 224);
    expect(decoded.image.width).toBe(224);
    expect(decoded.image.height).toBe(224);
    expect(decoded.image.data).toHaveLength(224 * 224 * 3);
  });

  it('fits to the model’s own input size: 227×227 for SqueezeNet 1.0', async () => {
    const bytes = readFileSync(sharedDir('data/imagenet_val_25/00_hay.png'));
    const decoded = await decodeInput(new Blob([bytes], { type: 'image/png' }), 'center-crop', 227);
    expect([decoded.image.width, decoded.image.height]).toEqual([227, 227]);
    expect(decoded.image.data).toHaveLength(227 * 227 * 3);
  });

  it('gives readable errors for empty, non-image and corrupt files', async () => {
    await expect(decodeInput(new Blob([]), 'squash', 224)).rejects.toMatchObject({ code: 'image/empty' });
    await expect(decodeInput(new Blob(['hello'], { type: 'text/plain' }), 'squash', 224)).rejects.toMatchObject({ code: 'image/unsupported' });
    const corrupt = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
    const error = await decodeInput(new Blob([corrupt], { type: 'image/png' }), 'squash', 224).catch((e: unknown) => e);
    expect((error as { code: string }).code).toMatch(/^image\//);
    expect((error as Error).message.length).toBeGreaterThan(5);
  });
});

describe('pixels', () => {
  it('converts RGB ↔ RGBA without loss', () => {
    const rgb = { width: 2, height: 1, data: new Uint8Array([1, 2, 3, 4, 5, 6]) };
    const rgba = rgbToRgba(rgb);
    expect([...rgba.data]).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
    expect(flattenAlpha(rgba)).toEqual(rgb);
  });
});

/**
 * Decompression bombs sent to the Worker in workerd: the shared decoder must refuse PNG image data
 * that inflates past what the header implies (each bomb is ~1 MB inflating to 1 GiB) without running
 * the isolate out of memory, must ignore an iCCP profile bomb, and the Worker must answer afterwards.
 * The bombs are built here, in pure TypeScript: workerd has no node:zlib.
 */
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../core/image/index.ts';
import { idatBombPng, withIccpBomb } from '../helpers/png-bombs.ts';
import { expectProblem, fetchApi, postImage } from './helpers.ts';

interface PredictDoc {
  predictions: { index: number; score: number }[];
}

describe('decompression bombs on POST /api/v1/predict', () => {
  // The edge tests' pixel budget is 200 000 pixels (vitest.config.ts): 440×440 is as large as fits.
  it.each([
    [224, 224],
    [440, 440],
  ])('answers image data inflating to 1 GiB under an honest %i×%i header with a 422 problem', async (width, height) => {
    const body = await expectProblem(await postImage('/api/v1/predict', idatBombPng(width, height)), 422);
    expect(body.code).toBe('image/corrupt');
    expect(body.detail).toMatch(new RegExp(`inflates beyond the ${height * (1 + width * 3)} bytes its ${width}×${height} header implies`));
  });

  it('predicts on a 64×64 PNG whose iCCP profile would inflate to 1 GiB as on the same PNG without it', async () => {
    const pixels = new Uint8Array(64 * 64 * 3).map((_, i) => (i % 3 === 1 ? 200 : (i * 7) % 256));
    const plain = encodePng({ width: 64, height: 64, data: pixels });
    const withoutProfile = await postImage('/api/v1/predict', plain);
    const withProfile = await postImage('/api/v1/predict', withIccpBomb(plain));
    expect([200, 201]).toContain(withProfile.status);
    expect(withProfile.status).toBe(withoutProfile.status);
    const [expected, actual] = [(await withoutProfile.json()) as PredictDoc, (await withProfile.json()) as PredictDoc];
    expect(actual.predictions).toEqual(expected.predictions);
  });

  it('still answers GET /api/v1/models afterwards', async () => {
    expect((await fetchApi('/api/v1/models')).status).toBe(200);
  });
});

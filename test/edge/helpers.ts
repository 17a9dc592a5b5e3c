/** Shared helpers of the edge tests: reference fixtures, requests through SELF, .npy parsing. */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';

export const ORIGIN = 'https://gradlens.test';

export const REFERENCE_IMAGES = [
  '00_hay',
  '01_quail',
  '02_tibetan_mastiff',
  '03_border_terrier',
  '04_brown_bear',
  '05_soap_dispenser',
  '06_pajama',
  '07_gorilla',
  '08_sports_car',
  '09_toilet_tissue',
  '10_stole',
  '11_lakeside',
] as const;

/** A reference file handed in as a data-blob binding by test/edge/vitest.config.ts. */
export function reference(file: string): Uint8Array {
  const blob = (env as unknown as Record<string, ArrayBuffer | undefined>)[`REF_${file.replace(/[^A-Za-z0-9]/g, '_')}`];
  if (!blob) throw new Error(`Reference file ${file} is not bound: is the data mirror at ../shared?`);
  return new Uint8Array(blob);
}

export interface ReferenceSummary {
  image: string;
  top: number;
  top_score: number;
  fgsm_epsilon255_2_top: number;
}

export function referenceSummary(): ReferenceSummary[] {
  return JSON.parse(new TextDecoder().decode(reference('summary.json'))) as ReferenceSummary[];
}

/**
 * Each call comes from its own client address unless one is given, so the per-IP rate limit only
 * bites in the test that is about it.
 */
export function fetchApi(path: string, init: RequestInit & { ip?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('CF-Connecting-IP', init.ip ?? `198.51.100.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`);
  return SELF.fetch(`${ORIGIN}${path}`, { ...init, headers });
}

/** POST an image as multipart field `image` with extra fields. */
export function postImage(path: string, image: Uint8Array, fields: Record<string, string> = {}, headers: HeadersInit = {}): Promise<Response> {
  const form = new FormData();
  form.set("image", new File([image as BlobPart], 'image.png', { type: 'image/png' }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return fetchApi(path, { method: 'POST', body: form, headers });
}

export async function expectProblem(response: Response, status: number): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect(response.headers.get('X-Request-Id')).toBeTruthy();
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^\/api#problem-/), title: expect.any(String), detail: expect.any(String) });
  return body;
}

/** A little-endian float32 C-order .npy file (what the API and the reference folder hold). */
export function parseNpy(bytes: Uint8Array): { shape: number[]; data: Float32Array } {
  const magic = String.fromCharCode(...bytes.slice(1, 6));
  if (bytes[0] !== 0x93 || magic !== 'NUMPY') throw new Error('not a .npy file');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.slice(headerStart, headerStart + headerLength));
  if (!/'descr':\s*'<f4'/.test(header) || /'fortran_order':\s*True/.test(header)) throw new Error(`unexpected .npy header ${header}`);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header)![1].split(',').filter((s) => s.trim()).map(Number);
  const dataStart = headerStart + headerLength;
  const data = new Float32Array(bytes.slice(dataStart).buffer);
  return { shape, data };
}

export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ma = 0, mb = 0;
  for (let i = 0; i < a.length; i++) { ma += a[i]; mb += b[i]; }
  ma /= a.length; mb /= b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i] - ma, db = b[i] - mb;
    sab += da * db; saa += da * da; sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

export async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await SELF.fetch(url);
  expect(response.status, url).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

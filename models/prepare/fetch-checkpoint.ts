import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { GradlensError } from '../../core/errors.ts';
import type { CheckpointWeights } from '../registry.ts';
import { MIRROR_VARIABLE, openDownload, type WeightOrigin } from './read-weight-file.ts';

export interface LocalCheckpoint {
  file: string;
  /** Deletes a downloaded copy (a mirror's file is left alone). */
  release(): Promise<void>;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/** SHA-256 of a file, read as a stream (a 553 MB checkpoint is never held in memory). */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function checked(found: { bytes: number; sha256: string }, weights: CheckpointWeights, name: string): void {
  if (found.bytes !== weights.bytes) {
    throw new GradlensError('model/prepare', `${name} is ${found.bytes} bytes, not the published ${weights.bytes}: the file is truncated or not the published one.`, 'Fetch it again.');
  }
  if (found.sha256 !== weights.sha256) {
    throw new GradlensError('model/prepare', `Checksum mismatch for ${name}: got ${found.sha256}, expected ${weights.sha256}.`, 'The file is damaged or not the published one; fetch it again.');
  }
}

/**
 * A published checkpoint on local disk, its size and SHA-256 checked: the mirror's copy, or a download
 * streamed into `scratchDir` (hashed as it arrives, with progress) and deleted by `release`.
 */
export async function fetchCheckpoint(id: string, weights: CheckpointWeights, origin: WeightOrigin, scratchDir: string, onProgress: (done: number, total: number) => void): Promise<LocalCheckpoint> {
  const name = path.posix.basename(weights.mirrorFile);
  if (origin.mirrorDir !== null) {
    const file = path.join(origin.mirrorDir, name);
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) {
      throw new GradlensError(
        'model/prepare',
        `${name} is not in the model mirror (${file}).`,
        `Put it there, or download it (${megabytes(weights.bytes)}) from ${weights.url} by running without a mirror: ${MIRROR_VARIABLE}= npm run models -- --model ${id}.`,
      );
    }
    checked({ bytes: found.size, sha256: await fileSha256(file) }, weights, name);
    return { file, release: async () => {} };
  }
  const file = path.join(scratchDir, `.download-${process.pid}-${name}`);
  const release = () => rm(file, { force: true });
  try {
    const response = await openDownload(origin.baseUrl + name);
    const total = Number(response.headers.get('content-length') ?? weights.bytes);
    const hash = createHash('sha256');
    const handle = await open(file, 'w');
    let done = 0;
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        await handle.write(chunk);
        done += chunk.byteLength;
        onProgress(done, total);
      }
    } finally {
      await handle.close();
    }
    checked({ bytes: done, sha256: hash.digest('hex') }, weights, name);
    return { file, release };
  } catch (error) {
    await release();
    throw error;
  }
}

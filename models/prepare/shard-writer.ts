import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHARD_BYTES, type WeightFile } from '../manifest.ts';

/**
 * Writes a stream of bytes as numbered files of at most `SHARD_BYTES` each (the last one shorter),
 * recording each file's size and SHA-256. Only one shard is held in memory.
 */
export function shardWriter(dir: string, prefix: string, shardBytes = SHARD_BYTES) {
  const files: WeightFile[] = [];
  let shard = new Uint8Array(shardBytes);
  let used = 0;

  async function flush(): Promise<void> {
    if (used === 0) return;
    const bytes = shard.subarray(0, used);
    const name = `${prefix}-${String(files.length).padStart(3, '0')}.bin`;
    await writeFile(path.join(dir, name), bytes);
    files.push({ name, bytes: used, sha256: createHash('sha256').update(bytes).digest('hex') });
    shard = new Uint8Array(shardBytes);
    used = 0;
  }

  return {
    async append(bytes: Uint8Array): Promise<void> {
      for (let at = 0; at < bytes.length; ) {
        const take = Math.min(bytes.length - at, shardBytes - used);
        shard.set(bytes.subarray(at, at + take), used);
        used += take;
        at += take;
        if (used === shardBytes) await flush();
      }
    },
    async finish(): Promise<WeightFile[]> {
      await flush();
      return files;
    },
  };
}

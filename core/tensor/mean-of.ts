import * as tf from '@tensorflow/tfjs-core';
import { type Checkpoint, noCheckpoint } from '../run/checkpoint.ts';

/**
 * Mean of `count` tensors made one at a time, holding only the running sum (bounded memory). Each
 * `make` owns its intermediates and returns one new tensor; `check` runs before each term, and when it
 * throws (the work was cancelled) the running sum is freed.
 */
export async function meanOf<T extends tf.Tensor>(count: number, make: (i: number) => Promise<T>, check: Checkpoint = noCheckpoint): Promise<T> {
  let sum: T | null = null;
  try {
    for (let i = 0; i < count; i++) {
      await check();
      const term = await make(i);
      if (!sum) {
        sum = term;
        continue;
      }
      const next: T = tf.add(sum, term);
      sum.dispose();
      term.dispose();
      sum = next;
    }
  } catch (error) {
    sum?.dispose();
    throw error;
  }
  const total = sum!;
  const mean = tf.div(total, count) as T;
  total.dispose();
  return mean;
}

import * as tf from '@tensorflow/tfjs-core';

/** Mean of `count` tensors made one at a time, holding only the running sum (bounded memory). */
export function meanOf<T extends tf.Tensor>(count: number, make: (i: number) => T): T {
  let sum: T | null = null;
  for (let i = 0; i < count; i++) {
    const term = tf.tidy(() => make(i));
    if (!sum) {
      sum = term;
      continue;
    }
    const next: T = tf.add(sum, term);
    sum.dispose();
    term.dispose();
    sum = next;
  }
  const total = sum!;
  const mean = tf.div(total, count) as T;
  total.dispose();
  return mean;
}

/**
 * Runs `work` on every item with at most `concurrency` running at once, in item order; each lane has a
 * fixed slot number (a worker thread, say). The first failure stops the lanes taking new items and is
 * thrown once the running ones are done.
 *
 * @example
 * await forEachConcurrently(images, 4, async (image, slot) => send(image));
 */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T, slot: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (slot: number) => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await work(item, slot);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, (_, slot) => lane(slot));
  const results = await Promise.allSettled(lanes);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * Worker entry: the Hono app answers fetch; the Cron Trigger (wrangler.toml `[triggers]`) purges
 * expired results, then the computations no live result refers to, with their R2 files.
 */
import { createApp } from './app.ts';
import type { Bindings } from './env.ts';
import { requestLogger } from './http/log.ts';
import { SCHEDULED_PURGE, purgeExpired } from './storage/purge.ts';

export const app = createApp();

/** One purge run per trigger; what it leaves (more than SCHEDULED_PURGE allows) goes on the next one. */
export async function scheduled(controller: ScheduledController, env: Bindings): Promise<void> {
  const log = requestLogger(`cron-${controller.scheduledTime}`);
  try {
    const purged = await purgeExpired(env.DB, env.ARTIFACTS, Date.now(), SCHEDULED_PURGE);
    log('info', 'purged expired results', { cron: controller.cron, ...purged });
  } catch (error) {
    log('error', 'purging expired results failed', { cron: controller.cron, error });
    // Rethrown so that the trigger's run is marked as failed.
    throw error;
  }
}

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Bindings>;

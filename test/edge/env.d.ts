import type { D1Migration } from 'cloudflare:test';
import type { Bindings } from '../../functions/env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      /** Reference images and outputs (test/edge/vitest.config.ts). */
      [reference: `REF_${string}`]: ArrayBuffer;
    }
  }
}

import { applyD1Migrations, env } from 'cloudflare:test';

// Each test file starts from the repo's migrations, applied to the local D1 the Worker uses.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

/**
 * The edge tests run inside workerd (Workers pool) against the real wrangler.toml: D1, R2, the rate
 * limiter and the assets binding are the local workerd implementations, not fakes.
 *
 * What differs from `wrangler dev`, all decided here in Node before workerd starts:
 * - the assets binding serves `web/public` (where `npm run models` writes the prepared model files)
 *   instead of the site build `web/dist`, so the tests do not need a site build;
 * - the reference images and outputs from ../shared are handed to the tests as data-blob
 *   bindings named `REF_<file>` (see helpers.ts), because workerd cannot read the file system;
 * - the pixel budget MAX_PIXELS is 200 000 instead of 8 000 000;
 * - PUBLIC_ORIGIN is helpers.ts's ORIGIN, the address the tests call the Worker at.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineProject } from 'vitest/config';
import { sharedDir } from '../helpers/shared-path.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
// Test data comes from the shared folder beside the checkout (or GRADLENS_SHARED), like every other suite.
const images = sharedDir('data/imagenet_val_25');
const outputs = sharedDir('models/squeezenet1_1/reference/imagenet_val_25');

/** The twelve reference images and their reference outputs (see helpers.ts for the names). */
function referenceBindings(): Record<string, string> {
  if (!existsSync(images) || !existsSync(outputs)) throw new Error(`The edge tests need the shared test data at ${images} and ${outputs}.`);
  const bindings: Record<string, string> = {};
  const add = (file: string) => {
    bindings[`REF_${path.basename(file).replace(/[^A-Za-z0-9]/g, '_')}`] = file;
  };
  for (const name of readdirSync(images).filter((f) => /^(0\d|1[01])_.*\.png$/.test(f))) {
    add(path.join(images, name));
    const stem = name.replace(/\.png$/, '');
    add(path.join(outputs, `${stem}.logits.npy`));
    add(path.join(outputs, `${stem}.saliency_top.npy`));
  }
  add(path.join(outputs, 'summary.json'));
  return bindings;
}

export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: path.join(repoRoot, 'wrangler.toml') },
      miniflare: {
        assets: { directory: path.join(repoRoot, 'web/public') },
        dataBlobBindings: referenceBindings(),
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(path.join(repoRoot, 'functions/migrations')),
          // A small pixel budget, so the over-budget test needs only a 640×480 image (see errors.test.ts).
          MAX_PIXELS: '200000',
          PUBLIC_ORIGIN: 'https://gradlens.test',
        },
      },
    })),
  ],
  test: {
    name: 'edge',
    root: repoRoot,
    include: ['test/edge/**/*.test.ts'],
    setupFiles: [path.join(here, 'setup.ts')],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});

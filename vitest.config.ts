import { defineConfig } from 'vitest/config';

// One runner, several projects: each runtime is tested where it really runs.
export default defineConfig({
  test: {
    // In CI a JSON report as well, from which .ci/run prints its closing "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-artifacts/vitest.json' }]] : ['default'],
    projects: [
      'test/edge/vitest.config.ts',
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/models/**/*.test.ts', 'test/cli/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The site's components and logic, in a simulated DOM.
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
        test: {
          name: 'web',
          environment: 'happy-dom',
          include: ['test/web/**/*.test.ts', 'test/web/**/*.test.tsx'],
        },
      },
      {
        // The built site and the local Worker, driven in real headless Chromium.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

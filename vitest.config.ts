import { defineConfig } from 'vitest/config';

// One runner, several projects: each runtime is tested where it really runs.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/models/**/*.test.ts', 'test/cli/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

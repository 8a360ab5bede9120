/**
 * Two projects: `unit` (the build-time renderers and the browser code's pure parts, in Node) and
 * `browser` (Chromium via playwright-core against the edge worker serving the built site).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          // A few unit tests spawn bash or run the TypeScript compiler; under `npm test` other
          // packages' suites share the two cores, and vitest's 5 s default timed one out in CI.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/globalSetup.ts'],
          // One worker and one browser at a time: the machine has two cores and the worker is shared.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

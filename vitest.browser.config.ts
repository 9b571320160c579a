import { defineConfig } from 'vitest/config';

// `npm run test:browser`: end-to-end tests that start the whole product and drive Debian's
// Chromium (/usr/bin/chromium) with playwright-core. The dashboard is built once first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.browser.test.ts'],
    globalSetup: ['tests/e2e/support/build-web.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});

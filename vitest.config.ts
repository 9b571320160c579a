import { defineConfig } from 'vitest/config';

// `npm test` runs every unit and integration test with no external service.
// Browser tests (tests/e2e/**/*.browser.test.ts) need Chromium and run with `npm run test:browser`.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'tests/e2e/**/*.browser.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

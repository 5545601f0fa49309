import { defineConfig } from 'vitest/config';

// End-to-end tests: a production build of the demo in headless Chromium against the mock server.
// Packages resolve like in any outside app (node_modules -> dist), so build them first
// (`turbo run test:e2e` does: it depends on `^build`). Same JSON report as every package.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    // Every file starts the mock server on the one port the build was made for: one at a time.
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

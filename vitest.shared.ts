import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packageSource = (name: string): string =>
  fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

/**
 * Settings every package's `vitest.config.ts` merges in: sibling packages resolve to their sources
 * (no build needed before testing), and each run writes a JSON report that `scripts/test-all.mjs`
 * counts for the CI summary line.
 */
export const sharedTestConfig = defineConfig({
  resolve: {
    alias: {
      '@deriv-auth/core': packageSource('core'),
      '@deriv-auth/ws-client': packageSource('ws-client'),
      '@deriv-auth/react-hooks': packageSource('react-hooks'),
      '@deriv-auth/mock-server': packageSource('mock-server'),
    },
  },
  test: {
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packageSource = (name: string, entry = 'index'): string =>
  fileURLToPath(new URL(`./packages/${name}/src/${entry}.ts`, import.meta.url));

/**
 * Settings every package's `vitest.config.ts` merges in: sibling packages resolve to their sources
 * (no build needed before testing), and each run writes a JSON report that `scripts/test-all.mjs`
 * counts for the CI summary line.
 */
export const sharedTestConfig = defineConfig({
  resolve: {
    // Exact matches: a bare prefix alias would send `@deriv-auth/core/calls` to `index.ts/calls`.
    alias: [
      { find: /^@deriv-auth\/core$/, replacement: packageSource('core') },
      { find: /^@deriv-auth\/core\/calls$/, replacement: packageSource('core', 'calls') },
      { find: /^@deriv-auth\/ws-client$/, replacement: packageSource('ws-client') },
      { find: /^@deriv-auth\/react-hooks$/, replacement: packageSource('react-hooks') },
      { find: /^@deriv-auth\/mock-server$/, replacement: packageSource('mock-server') },
    ],
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

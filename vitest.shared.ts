import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** The private export condition each workspace package maps to its `src/` (see tsconfig.base.json). */
const SOURCE_CONDITION = '@deriv-auth/source';

/**
 * Settings every package's `vitest.config.ts` merges in: sibling packages resolve to their sources
 * (no build needed before testing), and each run writes a JSON report that `scripts/test-all.mjs`
 * counts for the CI summary line.
 */
export const sharedTestConfig = defineConfig({
  // Sibling packages resolve through their `exports` map's source condition: no build needed
  // before testing, and no list of packages to keep in step with tsconfig.
  // Node's conditions in every test environment (happy-dom included): the tests run in Node and
  // start real servers, so `ws` must resolve to its Node build, never its browser stub.
  resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
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

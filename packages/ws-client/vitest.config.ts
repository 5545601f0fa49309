import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      include: ['src/**/*.test.ts'],
      setupFiles: ['src/test/canarySetup.ts'],
      // `global.gc` for the leak test of 1,000 connect/authorize/close cycles.
      execArgv: ['--expose-gc'],
    },
  }),
);

import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

// DOM tests choose happy-dom per file (`// @vitest-environment happy-dom`); the server-render test
// stays in Node, where no `window` exists.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({ test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] } }),
);

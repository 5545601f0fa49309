import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

// Tests that need a DOM (the History API, sessionStorage) choose happy-dom per file
// (`// @vitest-environment happy-dom`); the others run in Node with a fake browser environment.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({ test: { include: ['src/**/*.test.ts'] } }),
);

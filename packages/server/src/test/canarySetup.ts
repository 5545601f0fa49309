/**
 * Runs before every test file: after the file, no access or refresh token issued during it may
 * appear in any response body, header or log line the tests recorded, nor in a console line.
 */
import { afterAll, expect } from 'vitest';
import { findLeaks, observed } from './harness.js';

for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    observed.push(
      args
        .map((arg) => (arg instanceof Error ? `${arg.message} ${String(arg.stack)}` : String(arg)))
        .join(' '),
    );
    original(...args);
  };
}

afterAll(() => {
  expect(findLeaks()).toEqual([]);
});

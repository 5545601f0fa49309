/**
 * Runs before every test file: records every console line, and after the file checks that no
 * token handled by any test appears in a console line, event, snapshot or error message.
 */
import { afterAll, expect } from 'vitest';
import { findLeaks, recorded } from './harness.js';

for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    recorded.push(
      args
        .map((arg) =>
          arg instanceof Error
            ? `${arg.message} ${String(arg.stack)}`
            : typeof arg === 'string'
              ? arg
              : JSON.stringify(arg),
        )
        .join(' '),
    );
    original(...args);
  };
}

afterAll(() => {
  expect(findLeaks()).toEqual([]);
});

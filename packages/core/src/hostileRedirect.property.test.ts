// Hostile-input suite for core's untrusted boundary, part 1: redirect and callback URLs and return
// paths (issue 9, "Must show"). Every property runs FC_NUM_RUNS times (100,000 in CI), seeded by
// FC_SEED, with a valid-looking canary token planted in the input: it must never come back in an
// error (message, cause chain, details, util.inspect, JSON.stringify) except as a parsed account's
// token, and nothing but the typed error may be thrown. Part 2: hostileText.property.test.ts.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { isDerivAuthError } from './derivAuthError.js';
import { hasOAuthCallback, stripOAuthCallback } from './oAuthCallback.js';
import { OAuthRedirectError } from './oAuthRedirectError.js';
import {
  parseOAuthRedirect,
  safeParseOAuthRedirect,
  type ParseOAuthRedirectOptions,
} from './parseOAuthRedirect.js';
import { skipStateCheck } from './skipStateCheck.js';
import { validateReturnPath } from './validateReturnPath.js';
import { ORIGIN, anyInput, check, settings, timeout } from './test/hostileArbitraries.js';

/**
 * Everything an error shows: `util.inspect` prints the message, stack, own fields (details) and
 * the whole cause chain; `JSON.stringify` every enumerable field.
 */
function errorText(error: unknown): string {
  return `${inspect(error, { depth: 8 })}\n${JSON.stringify(error)}`;
}

function checkRedirectError(error: unknown, token: string): asserts error is OAuthRedirectError {
  check(error instanceof OAuthRedirectError && isDerivAuthError(error), `untyped ${String(error)}`);
  check(!errorText(error).includes(token), `canary in ${error.code} error`);
}

describe('hostile input into core (canary never leaks, only typed errors)', () => {
  it(
    'parseOAuthRedirect and safeParseOAuthRedirect',
    () => {
      fc.assert(
        fc.property(anyInput, fc.boolean(), ({ token, url }, withState) => {
          const options: ParseOAuthRedirectOptions = {
            expectedState: withState ? 'expected-state' : skipStateCheck,
          };
          let code: string | undefined;
          try {
            const { accounts } = parseOAuthRedirect(url, options);
            check(
              accounts.every((account) => !`${account.account}${account.currency}`.includes(token)),
              'canary outside a token field',
            );
          } catch (error) {
            checkRedirectError(error, token);
            code = error.code;
          }
          // The same verdict without throwing (its error is the one just inspected in full).
          const result = safeParseOAuthRedirect(url, options);
          check((result.success ? undefined : result.error.code) === code, 'safeParse differs');
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'hasOAuthCallback and stripOAuthCallback',
    () => {
      fc.assert(
        fc.property(anyInput, ({ url }) => {
          const stripped = stripOAuthCallback(url);
          check(typeof stripped === 'string', 'not a string');
          check(!hasOAuthCallback(stripped), 'callback left after strip');
          if (!hasOAuthCallback(url))
            check(
              !safeParseOAuthRedirect(url, { expectedState: skipStateCheck }).success,
              'parser reads a URL hasOAuthCallback calls clean',
            );
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'validateReturnPath',
    () => {
      fc.assert(
        fc.property(anyInput, ({ url }) => {
          for (const candidate of [url, `/${url}`]) {
            const path = validateReturnPath(candidate, { origin: ORIGIN });
            check(
              path === undefined || new URL(path, ORIGIN).origin === ORIGIN,
              `left the origin: ${candidate}`,
            );
          }
        }),
        settings,
      );
    },
    timeout,
  );
});

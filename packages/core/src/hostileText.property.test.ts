// Hostile-input suite for core's untrusted boundary, part 2: text to redact (issue 9, "Must
// show"; part 1: hostileRedirect.property.test.ts). FC_NUM_RUNS runs (100,000 in CI), FC_SEED.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripOAuthCallback } from './oAuthCallback.js';
import { safeParseOAuthRedirect } from './parseOAuthRedirect.js';
import { skipStateCheck } from './skipStateCheck.js';
import { redactSecrets } from './redactSecrets.js';
import { ORIGIN, anyInput, check, settings, timeout } from './test/hostileArbitraries.js';

describe('hostile text into redactSecrets (canary never kept, never throws)', () => {
  it(
    'redactSecrets',
    () => {
      fc.assert(
        fc.property(anyInput, ({ token, url }) => {
          const value = {
            url,
            nested: [[url]],
            error: new Error(url),
            frame: JSON.stringify({ url }),
          };
          const scrubbed = JSON.stringify(redactSecrets(value, { secrets: [token] }));
          check(!scrubbed.includes(token), 'canary kept with secrets given');
          // Without the literal: a standalone token and every parameter with a token key is hidden.
          check(!redactSecrets(` ${token} token1=${token}`).includes(token), 'canary kept');
          redactSecrets(url);
        }),
        settings,
      );
    },
    timeout,
  );

  it('survives inputs at and over every size cap', () => {
    const token = 'a1-CANARYcanaryCANARY0123';
    const huge = `${ORIGIN}/cb?token1=${token}&${'acct1=CR1&'.repeat(200_000)}`;
    expect(safeParseOAuthRedirect(huge, { expectedState: skipStateCheck }).success).toBe(false);
    expect(stripOAuthCallback(huge)).not.toContain(token);
    expect(redactSecrets(huge)).not.toContain(token);
  });
});

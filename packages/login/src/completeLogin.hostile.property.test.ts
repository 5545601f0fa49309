// The hostile-input suite at completeLogin's boundary: whatever callback URL a tab lands on (query,
// fragment, hash route, any spelling, case or encoding of the callback keys, junk around them),
// completeLogin never throws synchronously, leaves no token in the address bar or any history entry
// it writes, and rejects (when it does) with a typed error that carries no token. FC_NUM_RUNS runs
// (100,000 in CI), FC_SEED replays a failure.
import { inspect } from 'node:util';
import { isDerivAuthError } from '@deriv-auth/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { completeLogin, type CompleteLoginOptions } from './completeLogin.js';
import { startLogin } from './startLogin.js';
import { createFakeBrowser } from './test/fakeBrowser.js';

const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = Number(process.env['FC_SEED'] ?? 20_261_130);

const CANARY = 'a1-CANARYhostileCALLBACK0000';

const session: CompleteLoginOptions['session'] = {
  setAccounts: () => undefined,
  authorize: () =>
    Promise.resolve({ loginid: 'CR100', scopes: ['read'], balance: 0, currency: 'USD' }),
};

// Every spelling of a callback key that a parser or an attacker might use: the canary rides on these.
const tokenKey = fc
  .tuple(
    fc.constantFrom('token', 'Token', 'TOKEN', 'tok%65n', '%74oken', 'acct', 'cur'),
    fc.integer({ min: 1, max: 30 }),
    fc.constantFrom('', ' ', '%20', '+'),
  )
  .map(([name, index, pad]) => `${pad}${name}${String(index)}`);
const secretPiece = tokenKey.map((key) => `${key}=${CANARY}`);
const otherPiece = fc.oneof(
  fc.constantFrom(
    'acct1=CR799393',
    'cur1=usd',
    'state=',
    'error=access_denied',
    'error_description=Denied+by+user',
    'route=%2Ftrade',
    'utm_source=x',
    'affiliate_token=aff',
    '%ZZ',
    '=',
    '',
    'token1=',
  ),
  fc.string({ maxLength: 8 }).map((text) => text.replace(/[#?&]/g, '')),
);
const pieces = fc.array(fc.oneof(secretPiece, otherPiece), { minLength: 1, maxLength: 8 });
const callbackUrl = fc
  .record({
    path: fc.constantFrom('/redirect', '/cb/', '/', '/100%/cb', '/a=b/c'),
    query: fc.option(pieces, { nil: undefined }),
    // '' (`#token1=...`) or a hash route whose query holds the pieces (`#/callback?token1=...`);
    // `#/token1=...` is a route path, not a parameter, and no parser reads it as one.
    fragment: fc.option(fc.tuple(fc.constantFrom('', '/callback?', '/x?y=1&'), pieces), {
      nil: undefined,
    }),
    withState: fc.boolean(),
    started: fc.boolean(),
  })
  // At least one secret piece somewhere: otherwise there is nothing to leak.
  .filter(({ query, fragment }) =>
    [...(query ?? []), ...(fragment?.[1] ?? [])].some((piece) => piece.includes(CANARY)),
  );

function shown(error: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(error);
  } catch {
    json = '';
  }
  return `${String(error)} ${inspect(error, { depth: 8, showHidden: true })} ${json}`;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('completeLogin: hostile callback URLs (property)', () => {
  it('never throws, leaves no token in the address bar or history, and its errors hold none', async () => {
    const consoleLines: string[] = [];
    for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push(args.map((arg) => inspect(arg)).join(' '));
      });
    }
    await fc.assert(
      fc.asyncProperty(callbackUrl, async ({ path, query, fragment, withState, started }) => {
        const browser = createFakeBrowser('https://app.example/');
        const loginUrl = started
          ? startLogin({ appId: 1089, environment: browser.environment, navigate: false })
          : undefined;
        const state =
          loginUrl === undefined ? '' : (new URL(loginUrl).searchParams.get('state') ?? '');
        const queryPieces = [...(query ?? []), ...(withState && state ? [`state=${state}`] : [])];
        const url =
          `https://app.example${path}` +
          (queryPieces.length > 0 ? `?${queryPieces.join('&')}` : '') +
          (fragment === undefined ? '' : `#${fragment[0]}${fragment[1].join('&')}`);
        browser.visit(url);

        let promise: Promise<unknown> | undefined;
        expect(() => {
          promise = completeLogin({ session, environment: browser.environment });
        }).not.toThrow();
        // Synchronously, before any microtask: nothing left to read in the address bar.
        expect(browser.href()).not.toContain(CANARY);
        for (const entry of browser.replaced) expect(entry).not.toContain(CANARY);

        const outcome = await (promise as Promise<unknown>).then(
          () => undefined,
          (error: unknown) => error,
        );
        if (outcome !== undefined) {
          expect(isDerivAuthError(outcome)).toBe(true);
          expect(shown(outcome)).not.toContain(CANARY);
        }
        expect(browser.href()).not.toContain(CANARY);
      }),
      { numRuns, seed },
    );
    // Handled rejections are never reported to the console, and nothing logged holds a token.
    for (const line of consoleLines) expect(line).not.toContain(CANARY);
  }, 300_000);
});

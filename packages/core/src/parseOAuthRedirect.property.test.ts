import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OAuthRedirectError } from './oAuthRedirectError.js';
import {
  parseOAuthRedirect,
  safeParseOAuthRedirect,
  type DerivAccount,
} from './parseOAuthRedirect.js';
import { skipStateCheck } from './skipStateCheck.js';

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure (fast-check prints the seed and path).
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };
const settings = { numRuns, ...seed };
const timeout = 120_000;

/**
 * Random text over an alphabet, built from two integers instead of one arbitrary per character:
 * generating 26 accounts with 128-character tokens that way is what keeps 100,000 runs fast.
 * Shrinking still works (towards shorter text and smaller seeds).
 */
function text(alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: minLength, max: maxLength }), fc.integer({ min: 0, max: 0x7fffffff }))
    .map(([length, seed]) => {
      let state = seed;
      let out = '';
      for (let i = 0; i < length; i += 1) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        out += alphabet[(state >>> 16) % alphabet.length] ?? '';
      }
      return out;
    });
}
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
/** Plain checks: `expect` is too slow to call a million times. */
function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Deterministic shuffle driven by one generated integer (cheaper than `fc.func`). */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  for (let i = items.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = (state >>> 16) % (i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const TOKEN = /^[\w-]{1,128}$/;
const LOGIN_ID = /^[A-Za-z]+[0-9]+$/;
const CURRENCY = /^(?:|[A-Za-z0-9]{2,20})$/;

const hex = '0123456789abcdefABCDEFGZ';
const percentJunk = fc
  .array(fc.constantFrom(...hex.split('')), { maxLength: 3 })
  .map((chars) => `%${chars.join('')}`);
// Mostly short, sometimes right at the 128-character limit (127..130): the edge is what matters,
// and short strings keep 100,000 runs cheap.
const tokenLike = fc.oneof(
  { weight: 4, arbitrary: text('abcXYZ019_-.~', 1, 40) },
  { weight: 1, arbitrary: text('abcXYZ019_-.~', 127, 130) },
);
const loginIdLike = fc
  .tuple(text('CRVTcrvt', 0, 4), text('0123456789', 0, 8))
  .map(([a, b]) => a + b);
const trickyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '\u202E',
    '\u0000',
    '\n',
    '%E2%80%AE',
    '%00',
    '+',
    ' ',
    '=',
    '&',
    '#',
    '?',
    '%',
    '%%',
    '__proto__',
  ),
);
const key = fc.oneof(
  fc.constantFrom(
    'acct1',
    'token1',
    'cur1',
    'acct2',
    'token2',
    'cur2',
    'state',
    'route',
    'error',
    'error_description',
  ),
  fc.constantFrom(
    'token0',
    'token01',
    'acct0',
    'tok%65n1',
    ' token1',
    '%20acct1',
    'affiliate_token',
    'utm_source',
    'token',
  ),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '__proto__[polluted]',
    'constructor[prototype][polluted]',
    'hasOwnProperty',
  ),
  fc
    .tuple(
      fc.constantFrom('acct', 'token', 'cur'),
      fc.oneof(fc.nat({ max: 40 }), fc.bigInt({ min: 0n, max: 10n ** 30n })),
    )
    .map(([name, index]) => `${name}${index}`),
  trickyText,
);
const value = fc.oneof(
  tokenLike,
  loginIdLike,
  fc.constantFrom('USD', 'usd', '', 'eUSDT'),
  percentJunk,
  trickyText,
);
const separator = fc.constantFrom('&', '& ', '&&', '#', '?', '&%20');
const redirectLike = fc
  .tuple(
    fc.constantFrom(
      '',
      '?',
      'https://app.example.com/redirect?',
      'https://app.example.com/#/cb?',
      '/redirect/?',
    ),
    fc.array(fc.tuple(key, fc.constantFrom('=', '', '=='), value, separator), { maxLength: 16 }),
  )
  .map(
    ([prefix, parts]) =>
      prefix + parts.map(([k, equals, v, sep]) => `${k}${equals}${v}${sep}`).join(''),
  );
const anyInput = fc.oneof(
  { weight: 6, arbitrary: redirectLike },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: redirectLike.map((text) => new URLSearchParams(text)) },
);
const expectedState = fc.option(fc.constantFrom('abc', 's3cr3t', ''), { nil: undefined });

function prototypeSnapshot(): string {
  return JSON.stringify([
    Object.getOwnPropertyNames(Object.prototype),
    Object.getOwnPropertyNames(Array.prototype),
  ]);
}

describe(`parseOAuthRedirect properties (${numRuns} runs each)`, () => {
  it(
    'never throws anything but OAuthRedirectError, and every returned account matches Deriv patterns',
    () => {
      fc.assert(
        fc.property(anyInput, expectedState, (input, state) => {
          try {
            const { accounts } = parseOAuthRedirect(
              input as string,
              state === undefined ? { expectedState: skipStateCheck } : { expectedState: state },
            );
            check(accounts.length > 0 && accounts.length <= 26, `account count ${accounts.length}`);
            for (const account of accounts) {
              check(TOKEN.test(account.token), 'token fails the pattern');
              check(LOGIN_ID.test(account.account), `account ${account.account}`);
              check(CURRENCY.test(account.currency), `currency ${account.currency}`);
              check(Object.keys(account).join() === 'account,token,currency', 'account shape');
            }
          } catch (error) {
            if (!(error instanceof OAuthRedirectError)) throw error;
          }
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'leaves Object.prototype and Array.prototype untouched',
    () => {
      const before = prototypeSnapshot();
      fc.assert(
        fc.property(anyInput, (input) => {
          safeParseOAuthRedirect(input as string, { expectedState: skipStateCheck });
          check(!('polluted' in {}), 'Object.prototype polluted');
        }),
        settings,
      );
      expect(prototypeSnapshot()).toBe(before);
    },
    timeout,
  );

  it(
    'never echoes a token-shaped value in an error message',
    () => {
      const secret = text(LETTERS + DIGITS, 20, 40).map((body) => `a1-${body}`);
      fc.assert(
        fc.property(redirectLike, secret, (text, token) => {
          const result = safeParseOAuthRedirect(
            `${text}&token1=${token}&token1=${token}x.&token2=${token}%ZZ`,
            { expectedState: skipStateCheck },
          );
          if (!result.success) check(!result.error.message.includes(token), 'token in message');
        }),
        settings,
      );
    },
    timeout,
  );
});

/** A small deterministic generator: one fast-check integer drives a whole account list. */
function randomFrom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % below;
  };
}

function pick(random: (below: number) => number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[random(alphabet.length)] ?? '';
  return out;
}

/**
 * `count` valid accounts under distinct indexes (small ones and huge gaps), tokens of 1-40
 * characters or exactly 128, currencies absent or 2-20 characters, all derived from `seed`.
 * Generating them from two integers instead of ~10 arbitraries per account is what keeps
 * 100,000 runs within seconds; fast-check still shrinks `count` and `seed`.
 */
function indexedAccounts(count: number, seed: number): [number, DerivAccount][] {
  const random = randomFrom(seed);
  const used = new Set<number>();
  const accounts: [number, DerivAccount][] = [];
  while (accounts.length < count) {
    const index = 1 + random(random(2) ? 30 : 1_000_000);
    if (used.has(index)) continue;
    used.add(index);
    accounts.push([
      index,
      {
        account: pick(random, LETTERS, 1 + random(6)) + pick(random, DIGITS, 1 + random(10)),
        token: pick(random, `${LETTERS}${DIGITS}_-`, random(5) ? 1 + random(40) : 128),
        currency: random(3) ? pick(random, LETTERS + DIGITS, 2 + random(19)) : '',
      },
    ]);
  }
  return accounts;
}

describe(`parseOAuthRedirect round trip (${numRuns} runs)`, () => {
  it(
    'reads back any valid account list, whatever the index gaps, order, spacing, encoding and extra parameters',
    () => {
      fc.assert(
        fc.property(
          // Mostly the 1-4 accounts real users have; a quarter of runs up to the 26 maximum.
          fc.oneof(
            { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
            { weight: 1, arbitrary: fc.integer({ min: 5, max: 26 }) },
          ),
          fc.integer({ min: 0, max: 0x7fffffff }),
          fc.array(
            fc.tuple(
              fc.constantFrom('utm_source', 'utm_campaign', 'affiliate_token', 'gclid_url', 'x'),
              fc.string(),
            ),
            { maxLength: 3 },
          ),
          fc.boolean(),
          fc.boolean(),
          fc.option(text(`${LETTERS}${DIGITS}_-`, 1, 64), { nil: undefined }),
          (count, seed, extras, padKeys, asUrl, state) => {
            const sorted = indexedAccounts(count, seed).sort((a, b) => a[0] - b[0]);
            const expected = sorted.map(([, entry]) => entry);
            const pairs: [string, string][] = [];
            for (const [index, { account: id, token, currency }] of sorted) {
              pairs.push([`acct${index}`, id], [`token${index}`, token]);
              if (currency || padKeys) pairs.push([`cur${index}`, currency]);
            }
            for (const extra of extras) pairs.push(extra);
            const query = shuffle(pairs, seed)
              .map(
                ([name, text]) =>
                  `${padKeys ? ' ' : ''}${encodeURIComponent(name)}=${encodeURIComponent(text)}`,
              )
              .join('&');
            const text = `https://app.example.com/redirect?${query}${state === undefined ? '' : `&state=${state}`}`;
            const result = parseOAuthRedirect(
              asUrl ? new URL(text) : text,
              state === undefined ? { expectedState: skipStateCheck } : { expectedState: state },
            );
            check(JSON.stringify(result.accounts) === JSON.stringify(expected), 'accounts differ');
            check(result.state === state, 'state differs');
          },
        ),
        settings,
      );
    },
    timeout,
  );
});

import { describe, expect, it } from 'vitest';
import {
  isOAuthRedirectError,
  OAuthRedirectError,
  type OAuthRedirectErrorCode,
} from './oAuthRedirectError.js';
import {
  parseOAuthRedirect,
  safeParseOAuthRedirect,
  type OAuthRedirect,
} from './parseOAuthRedirect.js';
import { skipStateCheck } from './skipStateCheck.js';

// The example URL of Deriv's "API authentication" page, spaces after `&` included.
const SEED_URL =
  'https://[YOUR_WEBSITE_URL]/redirect/?acct1=cr799393& token1=a1-f7pnteezo4jzhpxclctizt27hyeot&cur1=usd& acct2=vrtc1859315& token2=a1clwe3vfuuus5kraceykdsoqm4snfq& cur2=usd';
// The array the same page says to build from it.
const SEED_ACCOUNTS = [
  { account: 'cr799393', token: 'a1-f7pnteezo4jzhpxclctizt27hyeot', currency: 'usd' },
  { account: 'vrtc1859315', token: 'a1clwe3vfuuus5kraceykdsoqm4snfq', currency: 'usd' },
];
const TOKEN_A = 'a1-AAAAAAAAAAAAAAAAAAAAAAAAAAA';
const TOKEN_B = 'a1-BBBBBBBBBBBBBBBBBBBBBBBBBBB';
const TOKEN_C = 'a1-CCCCCCCCCCCCCCCCCCCCCCCCCCC';
const BASE = 'https://app.example.com/redirect';

function errorOf(run: () => unknown): OAuthRedirectError {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthRedirectError) return error;
    throw error;
  }
  throw new Error('expected an OAuthRedirectError');
}

describe('parseOAuthRedirect: the seed example', () => {
  it.each<[string, string | URL | URLSearchParams]>([
    ['a string with spaces after &', SEED_URL],
    ['a URL', new URL(SEED_URL.replace('[YOUR_WEBSITE_URL]', 'app.example.com'))],
    [
      'URLSearchParams',
      new URL(SEED_URL.replace('[YOUR_WEBSITE_URL]', 'app.example.com')).searchParams,
    ],
    ['the bare query', SEED_URL.slice(SEED_URL.indexOf('?'))],
    ['the query without ?', SEED_URL.slice(SEED_URL.indexOf('?') + 1)],
  ])('gives exactly the seed array from %s', (_, input) => {
    expect(parseOAuthRedirect(input, { expectedState: skipStateCheck })).toStrictEqual({
      accounts: SEED_ACCOUNTS,
    });
  });

  it('returns accounts that are exactly { account, token, currency }', () => {
    for (const account of parseOAuthRedirect(SEED_URL, { expectedState: skipStateCheck }).accounts)
      expect(Object.keys(account)).toEqual(['account', 'token', 'currency']);
  });
});

describe('parseOAuthRedirect: accepted shapes', () => {
  it.each<[string, string, OAuthRedirect]>([
    [
      'real-traffic case (upper case) with an empty trailing state',
      `${BASE}?acct1=CR799393&token1=${TOKEN_A}&cur1=USD&state=`,
      { accounts: [{ account: 'CR799393', token: TOKEN_A, currency: 'USD' }] },
    ],
    [
      'indexes out of order (acct3 before acct1)',
      `${BASE}?acct3=CR3&token3=${TOKEN_C}&cur3=BTC&acct1=CR1&token1=${TOKEN_A}&cur1=USD`,
      {
        accounts: [
          { account: 'CR1', token: TOKEN_A, currency: 'USD' },
          { account: 'CR3', token: TOKEN_C, currency: 'BTC' },
        ],
      },
    ],
    [
      'a gap (acct1 + acct3 without 2)',
      `${BASE}?acct1=CR1&token1=${TOKEN_A}&acct3=CR3&token3=${TOKEN_C}`,
      {
        accounts: [
          { account: 'CR1', token: TOKEN_A, currency: '' },
          { account: 'CR3', token: TOKEN_C, currency: '' },
        ],
      },
    ],
    [
      'numeric, not textual, index order (2 before 10)',
      `${BASE}?acct10=CR10&token10=${TOKEN_B}&acct2=CR2&token2=${TOKEN_A}`,
      {
        accounts: [
          { account: 'CR2', token: TOKEN_A, currency: '' },
          { account: 'CR10', token: TOKEN_B, currency: '' },
        ],
      },
    ],
    [
      'an account without cur',
      `${BASE}?acct1=CR1&token1=${TOKEN_A}`,
      { accounts: [{ account: 'CR1', token: TOKEN_A, currency: '' }] },
    ],
    [
      'an account with an empty cur',
      `${BASE}?acct1=CR1&token1=${TOKEN_A}&cur1=`,
      { accounts: [{ account: 'CR1', token: TOKEN_A, currency: '' }] },
    ],
    [
      'marketing parameters riding along (affiliate_token, utm_*)',
      `${BASE}?utm_source=x&affiliate_token=zzz&acct1=CR1&token1=${TOKEN_A}&utm_campaign=50%off&token=x&mytoken1=y&gclid_url=a`,
      { accounts: [{ account: 'CR1', token: TOKEN_A, currency: '' }] },
    ],
    [
      'the app keeps its own query parameters, even repeated ones',
      `${BASE}?tab=a&tab=b&acct1=CR1&token1=${TOKEN_A}`,
      { accounts: [{ account: 'CR1', token: TOKEN_A, currency: '' }] },
    ],
    [
      'state and route come back',
      `${BASE}?acct1=CR1&token1=${TOKEN_A}&state=abc-123_XYZ&route=%2Ftrade%3Fsymbol%3DR_50`,
      {
        accounts: [{ account: 'CR1', token: TOKEN_A, currency: '' }],
        state: 'abc-123_XYZ',
        route: '/trade?symbol=R_50',
      },
    ],
    [
      'parameters in the fragment (hash router)',
      `https://app.example.com/#/callback?acct1=CR1&token1=${TOKEN_A}`,
      { accounts: [{ account: 'CR1', token: TOKEN_A, currency: '' }] },
    ],
    [
      'parameters split between query and fragment',
      `${BASE}?acct1=CR1#token1=${TOKEN_A}`,
      { accounts: [{ account: 'CR1', token: TOKEN_A, currency: '' }] },
    ],
    [
      'a fragment with unrelated content after the query',
      `${BASE}?acct1=CR1&token1=${TOKEN_A}#section-2`,
      { accounts: [{ account: 'CR1', token: TOKEN_A, currency: '' }] },
    ],
    [
      'form-encoded spaces (+) and tabs around keys',
      `${BASE}?acct1=CR1&+token1=${TOKEN_A}&%09cur1%09=USD`,
      { accounts: [{ account: 'CR1', token: TOKEN_A, currency: 'USD' }] },
    ],
    [
      'a huge index without allocating by it',
      `${BASE}?acct4294967295=CR1&token4294967295=${TOKEN_A}&acct99999999999999999999999=CR2&token99999999999999999999999=${TOKEN_B}`,
      {
        accounts: [
          { account: 'CR1', token: TOKEN_A, currency: '' },
          { account: 'CR2', token: TOKEN_B, currency: '' },
        ],
      },
    ],
    [
      'a 128-character token (the longest allowed)',
      `${BASE}?acct1=CR1&token1=${'a'.repeat(128)}`,
      { accounts: [{ account: 'CR1', token: 'a'.repeat(128), currency: '' }] },
    ],
    [
      '__proto__ and constructor keys, ignored without side effects',
      `${BASE}?__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__=x&acct1=CR1&token1=${TOKEN_A}`,
      { accounts: [{ account: 'CR1', token: TOKEN_A, currency: '' }] },
    ],
    [
      'keys without a value',
      `${BASE}?flag&acct1=CR1&&token1=${TOKEN_A}&state`,
      { accounts: [{ account: 'CR1', token: TOKEN_A, currency: '' }] },
    ],
  ])('reads %s', (_, input, expected) => {
    expect(parseOAuthRedirect(input, { expectedState: skipStateCheck })).toStrictEqual(expected);
  });

  it('reads exactly 26 accounts (one authorize: 1 + 25 tokens)', () => {
    const query = Array.from(
      { length: 26 },
      (_, i) => `acct${i + 1}=CR${i + 1}&token${i + 1}=${TOKEN_A}${i}`,
    ).join('&');
    const { accounts } = parseOAuthRedirect(query, { expectedState: skipStateCheck });
    expect(accounts).toHaveLength(26);
    expect(accounts.map((account) => account.account)).toEqual(
      Array.from({ length: 26 }, (_, i) => `CR${i + 1}`),
    );
  });

  it('leaves Object.prototype untouched by __proto__ keys', () => {
    parseOAuthRedirect(
      `?__proto__=1&__proto__.polluted=1&constructor.prototype.polluted=1&acct1=CR1&token1=${TOKEN_A}`,
      { expectedState: skipStateCheck },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('parseOAuthRedirect: refused input', () => {
  it.each<[string, unknown, OAuthRedirectErrorCode, string?]>([
    ['a number', 42, 'invalid_input'],
    ['null', null, 'invalid_input'],
    ['undefined', undefined, 'invalid_input'],
    ['a plain object with href', { href: `?acct1=CR1&token1=${TOKEN_A}` }, 'invalid_input'],
    ['an array', [`acct1=CR1`], 'invalid_input'],
    ['nothing at all', '', 'no_accounts'],
    ['a URL without parameters', BASE, 'no_accounts'],
    ['only marketing parameters', `${BASE}?utm_source=x&affiliate_token=${TOKEN_A}`, 'no_accounts'],
    [
      'a repeated token',
      `?acct1=CR1&token1=${TOKEN_A}&token1=${TOKEN_B}`,
      'duplicate_parameter',
      'token1',
    ],
    [
      'a repeated account',
      `?acct1=CR1&acct1=CR2&token1=${TOKEN_A}`,
      'duplicate_parameter',
      'acct1',
    ],
    [
      'a percent-encoded repeat (tok%65n1)',
      `?acct1=CR1&token1=${TOKEN_A}&tok%65n1=${TOKEN_B}`,
      'duplicate_parameter',
      'token1',
    ],
    [
      'a space-padded repeat',
      `?acct1=CR1&token1=${TOKEN_A}& token1=${TOKEN_B}`,
      'duplicate_parameter',
      'token1',
    ],
    [
      'a repeat across query and fragment',
      `?acct1=CR1&token1=${TOKEN_A}#token1=${TOKEN_B}`,
      'duplicate_parameter',
      'token1',
    ],
    [
      'a repeated state',
      `?acct1=CR1&token1=${TOKEN_A}&state=a&state=b`,
      'duplicate_parameter',
      'state',
    ],
    [
      'an account without its token',
      `?acct1=CR1&token1=${TOKEN_A}&acct2=CR2`,
      'missing_token',
      'token2',
    ],
    ['an account with an empty token', `?acct1=CR1&token1=`, 'missing_token', 'token1'],
    [
      'a token without its account',
      `?acct1=CR1&token1=${TOKEN_A}&token2=${TOKEN_B}`,
      'missing_account',
      'acct2',
    ],
    [
      'a currency without its account',
      `?acct1=CR1&token1=${TOKEN_A}&cur2=USD`,
      'missing_account',
      'acct2',
    ],
    ['mismatched indexes', `?acct1=CR1&token2=${TOKEN_A}`, 'missing_token', 'token1'],
    ['index 0', `?acct0=CR1&token0=${TOKEN_A}`, 'invalid_index', 'acct0'],
    ['a leading zero (token01)', `?acct1=CR1&token01=${TOKEN_A}`, 'invalid_index', 'token01'],
    [
      '27 accounts',
      Array.from({ length: 27 }, (_, i) => `acct${i + 1}=CR${i + 1}&token${i + 1}=${TOKEN_A}`).join(
        '&',
      ),
      'too_many_accounts',
    ],
    [
      'a token over 128 characters',
      `?acct1=CR1&token1=${'a'.repeat(129)}`,
      'invalid_token',
      'token1',
    ],
    ['a token with a dot', `?acct1=CR1&token1=a1.bad`, 'invalid_token', 'token1'],
    ['a token with an encoded space', `?acct1=CR1&token1=a1%20bad`, 'invalid_token', 'token1'],
    ['a token with a control character', `?acct1=CR1&token1=a1%00bad`, 'invalid_token', 'token1'],
    ['a token with a bidi override', `?acct1=CR1&token1=a1%E2%80%AEbad`, 'invalid_token', 'token1'],
    [
      'a token with non-ASCII letters',
      `?acct1=CR1&token1=a1%C3%A9t%C3%A9`,
      'invalid_token',
      'token1',
    ],
    ['a login id without digits', `?acct1=CR&token1=${TOKEN_A}`, 'invalid_account', 'acct1'],
    ['a login id starting with digits', `?acct1=123&token1=${TOKEN_A}`, 'invalid_account', 'acct1'],
    [
      'a login id with a bidi override',
      `?acct1=CR%E2%80%AE1&token1=${TOKEN_A}`,
      'invalid_account',
      'acct1',
    ],
    [
      'a currency with symbols',
      `?acct1=CR1&token1=${TOKEN_A}&cur1=US$`,
      'invalid_currency',
      'cur1',
    ],
    ['a one-letter currency', `?acct1=CR1&token1=${TOKEN_A}&cur1=U`, 'invalid_currency', 'cur1'],
    [
      'malformed percent-encoding in a token',
      `?acct1=CR1&token1=a1%ZZ`,
      'malformed_encoding',
      'token1',
    ],
    ['a truncated escape', `?acct1=CR1&token1=a1%E2%80`, 'malformed_encoding', 'token1'],
    ['an encoded lone surrogate', `?acct1=CR1&token1=%ED%A0%80`, 'malformed_encoding', 'token1'],
    [
      'malformed percent-encoding in a key',
      `?acct1=CR1&token1=${TOKEN_A}&%E0%A4%A=1`,
      'malformed_encoding',
    ],
    [
      'a state with a control character',
      `?acct1=CR1&token1=${TOKEN_A}&state=a%0Ab`,
      'invalid_parameter',
      'state',
    ],
    [
      'a state with a bidi override',
      `?acct1=CR1&token1=${TOKEN_A}&state=a%E2%80%AEb`,
      'invalid_parameter',
      'state',
    ],
    [
      'a route with a control character',
      `?acct1=CR1&token1=${TOKEN_A}&route=%2Fa%0Db`,
      'invalid_parameter',
      'route',
    ],
  ])('refuses %s', (_, input, code, parameter) => {
    const error = errorOf(() =>
      parseOAuthRedirect(input as string, { expectedState: skipStateCheck }),
    );
    expect(error.code).toBe(code);
    if (parameter !== undefined) expect(error.details).toEqual({ parameter });
    expect(isOAuthRedirectError(error)).toBe(true);
  });

  it('refuses over-long input before parsing it', () => {
    const huge = `?acct1=CR1&token1=${TOKEN_A}&pad=${'x'.repeat(20_000)}`;
    expect(errorOf(() => parseOAuthRedirect(huge, { expectedState: skipStateCheck })).code).toBe(
      'input_too_long',
    );
    expect(
      errorOf(() =>
        parseOAuthRedirect(new URL(`https://a.example${huge}`), { expectedState: skipStateCheck }),
      ).code,
    ).toBe('input_too_long');
    expect(
      errorOf(() =>
        parseOAuthRedirect(`?acct1=CR1&token1=${TOKEN_A}`, {
          expectedState: skipStateCheck,
          maxLength: 10,
        }),
      ).code,
    ).toBe('input_too_long');
    expect(
      parseOAuthRedirect(huge, { expectedState: skipStateCheck, maxLength: 30_000 }).accounts,
    ).toHaveLength(1);
  });

  it('never puts a token in a message or details', () => {
    const inputs = [
      `?acct1=CR1&token1=${TOKEN_A}&token1=${TOKEN_B}`,
      `?acct1=CR1&token1=${TOKEN_A}x.`,
      `?acct1=C-R&token1=${TOKEN_A}`,
      `?token1=${TOKEN_A}`,
      `?acct1=CR1&token1=${TOKEN_A}%ZZ`,
      `?acct1=CR1&token1=${TOKEN_A}&state=x`,
    ];
    for (const input of inputs) {
      const error = errorOf(() => parseOAuthRedirect(input, { expectedState: 'y' }));
      const visible = `${error.message} ${JSON.stringify(error.details)} ${String(error)} ${error.stack ?? ''}`;
      expect(visible).not.toContain('AAAA');
      expect(visible).not.toContain('BBBB');
    }
  });
});

describe('parseOAuthRedirect: provider errors', () => {
  it('turns error= into a typed provider error', () => {
    const error = errorOf(() =>
      parseOAuthRedirect(`${BASE}?error=access_denied&error_description=The+user+denied+access`, {
        expectedState: skipStateCheck,
      }),
    );
    expect(error.code).toBe('provider_error');
    expect(error.providerError).toBe('access_denied');
    expect(error.providerErrorDescription).toBe('The user denied access');
    expect(error.message).not.toContain('access_denied');
  });

  it('omits the description when none was sent', () => {
    const error = errorOf(() =>
      parseOAuthRedirect('?error=access_denied', { expectedState: skipStateCheck }),
    );
    expect(error.providerError).toBe('access_denied');
    expect(error).not.toHaveProperty('providerErrorDescription');
  });

  it('prefers the provider error over accounts that came with it', () => {
    expect(
      errorOf(() =>
        parseOAuthRedirect(`?acct1=CR1&token1=${TOKEN_A}&error=server_error`, {
          expectedState: skipStateCheck,
        }),
      ).code,
    ).toBe('provider_error');
  });

  it('strips control and bidi characters from provider text', () => {
    const error = errorOf(() =>
      parseOAuthRedirect('?error=access%0A_denied&error_description=a%E2%80%AEb%00c', {
        expectedState: skipStateCheck,
      }),
    );
    expect(error.providerError).toBe('access_denied');
    expect(error.providerErrorDescription).toBe('abc');
  });

  it('reports a forged error redirect whose state differs as a state mismatch', () => {
    expect(
      errorOf(() =>
        parseOAuthRedirect('?error=access_denied&state=forged', { expectedState: 'mine' }),
      ).code,
    ).toBe('state_mismatch');
  });

  it('treats an empty error= as absent', () => {
    expect(
      parseOAuthRedirect(`?error=&acct1=CR1&token1=${TOKEN_A}`, { expectedState: skipStateCheck })
        .accounts,
    ).toHaveLength(1);
  });
});

describe('parseOAuthRedirect: state', () => {
  const ok = `?acct1=CR1&token1=${TOKEN_A}`;
  it.each<[string, string, string | undefined, OAuthRedirectErrorCode | undefined]>([
    ['the expected state', `${ok}&state=s3cr3t`, 's3cr3t', undefined],
    ['no state when none is expected', ok, undefined, undefined],
    ['a state when none is expected', `${ok}&state=abc`, undefined, undefined],
    ['a missing state', ok, 's3cr3t', 'state_missing'],
    ['an empty state (= absent)', `${ok}&state=`, 's3cr3t', 'state_missing'],
    ['a blank state (= absent)', `${ok}&state=%20`, 's3cr3t', 'state_missing'],
    ['a different state', `${ok}&state=other`, 's3cr3t', 'state_mismatch'],
    ['a state differing in case', `${ok}&state=S3CR3T`, 's3cr3t', 'state_mismatch'],
    ['a state that is a prefix', `${ok}&state=s3cr`, 's3cr3t', 'state_mismatch'],
  ])('handles %s', (_, input, expectedState, code) => {
    const result = safeParseOAuthRedirect(input, {
      expectedState: expectedState ?? skipStateCheck,
    });
    if (code === undefined) expect(result.success).toBe(true);
    else expect(result.success ? undefined : result.error.code).toBe(code);
  });

  it('returns the empty state as absent', () => {
    expect(
      parseOAuthRedirect(`${ok}&state=`, { expectedState: skipStateCheck }),
    ).not.toHaveProperty('state');
  });
});

describe('safeParseOAuthRedirect', () => {
  it('returns the data on success', () => {
    expect(safeParseOAuthRedirect(SEED_URL, { expectedState: skipStateCheck })).toStrictEqual({
      success: true,
      data: { accounts: SEED_ACCOUNTS },
    });
  });

  it('returns the error instead of throwing', () => {
    const result = safeParseOAuthRedirect(42 as unknown as string, {
      expectedState: skipStateCheck,
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error).toBeInstanceOf(OAuthRedirectError);
      expect(result.error.code).toBe('invalid_input');
    }
  });
});

describe('parseOAuthRedirect: names and options', () => {
  it('ignores upper-case parameter names, as URLs are case-sensitive', () => {
    expect(
      safeParseOAuthRedirect('?ACCT1=CR1&TOKEN1=a1-x', { expectedState: skipStateCheck }).success,
    ).toBe(false);
  });

  it('refuses everything under a NaN or negative maxLength rather than disabling the cap', () => {
    expect(
      safeParseOAuthRedirect('?acct1=CR1&token1=a1-x', {
        expectedState: skipStateCheck,
        maxLength: Number.NaN,
      }).success,
    ).toBe(false);
    expect(
      safeParseOAuthRedirect('?acct1=CR1&token1=a1-x', {
        expectedState: skipStateCheck,
        maxLength: -1,
      }).success,
    ).toBe(false);
  });

  it('accepts an explicitly undefined maxLength (exactOptionalPropertyTypes callers)', () => {
    const maxLength = undefined as number | undefined;
    expect(
      parseOAuthRedirect('?acct1=CR1&token1=a1-x', { expectedState: skipStateCheck, maxLength })
        .accounts,
    ).toHaveLength(1);
  });
});

describe('parseOAuthRedirect: state check by default (issue 9, safe by default)', () => {
  const ok = `?acct1=CR1&token1=${TOKEN_A}&state=abc`;
  it.each<[string, unknown]>([
    ['no options at all', undefined],
    ['an empty options object', {}],
    ['an undefined expectedState', { expectedState: undefined }],
    ['an empty expectedState (the old `?? ""` example)', { expectedState: '' }],
    ['another symbol', { expectedState: Symbol('skipStateCheck') }],
  ])('refuses %s with invalid_expected_state, from JavaScript callers too', (_, options) => {
    const result = safeParseOAuthRedirect(ok, options as never);
    expect(result.success ? undefined : result.error.code).toBe('invalid_expected_state');
    expect(errorOf(() => parseOAuthRedirect(ok, options as never)).code).toBe(
      'invalid_expected_state',
    );
  });

  it('skips the check only when asked with skipStateCheck (shared across copies)', () => {
    expect(parseOAuthRedirect(ok, { expectedState: skipStateCheck }).state).toBe('abc');
    expect(skipStateCheck).toBe(Symbol.for('@deriv-auth/skipStateCheck'));
  });
});

describe('parseOAuthRedirect: parser details (issue 9.11)', () => {
  it('reports state_missing before a provider error when a state was expected', () => {
    expect(
      errorOf(() => parseOAuthRedirect('?error=access_denied', { expectedState: 'mine' })).code,
    ).toBe('state_missing');
  });

  it('never reads the path', () => {
    const skip = { expectedState: skipStateCheck } as const;
    expect(
      errorOf(() => parseOAuthRedirect(`https://app/cb&token1=${TOKEN_A}?acct1=CR1`, skip)).code,
    ).toBe('missing_token');
    expect(errorOf(() => parseOAuthRedirect(`/cb&token1=${TOKEN_A}?acct1=CR1`, skip)).code).toBe(
      'missing_token',
    );
    expect(
      parseOAuthRedirect(`https://app/100%/cb?acct1=CR1&token1=${TOKEN_A}`, skip).accounts,
    ).toHaveLength(1);
    expect(
      parseOAuthRedirect(new URL(`https://app/100%25zz/cb?acct1=CR1&token1=${TOKEN_A}`), skip)
        .accounts,
    ).toHaveLength(1);
    expect(
      parseOAuthRedirect(`https://app/state=x/cb#/r?acct1=CR1&token1=${TOKEN_A}`, skip).state,
    ).toBeUndefined();
    // A bare query string (what URLSearchParams prints) is still read whole.
    expect(parseOAuthRedirect(`acct1=CR1&token1=${TOKEN_A}`, skip).accounts).toHaveLength(1);
  });

  it('keeps the provider text out of the message, bounded, redacted and marked in details', () => {
    const description = `Ask ${TOKEN_A} or token1=${TOKEN_A} ${'x'.repeat(1000)} ok`;
    const error = errorOf(() =>
      parseOAuthRedirect(
        `?error=${encodeURIComponent(`<b>${TOKEN_A}</b>`)}&error_description=${encodeURIComponent(description)}&acct1=CR1&token1=${TOKEN_A}`,
        { expectedState: skipStateCheck },
      ),
    );
    expect(error.code).toBe('provider_error');
    expect(error.message).toBe('provider_error: expected no error in error');
    const details = error.details as Record<string, string>;
    expect(details['providerError']).toBe(error.providerError);
    expect(details['providerErrorDescription']).toBe(error.providerErrorDescription);
    expect(details['providerError']?.length).toBeLessThanOrEqual(64);
    expect(details['providerErrorDescription']?.length).toBeLessThanOrEqual(256);
    expect(JSON.stringify(error.details)).not.toContain(TOKEN_A);
    expect(error.providerErrorDescription).toMatch(/^Ask <not shown> or <not shown>/);
  });
});

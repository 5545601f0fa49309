import { describe, expect, it } from 'vitest';
import {
  OAuthRedirectError,
  isOAuthRedirectError,
  type OAuthRedirectErrorCode,
} from './oAuthRedirectError.js';
import { isDerivAuthError } from './derivAuthError.js';
import {
  parseAuthorizationCallback,
  safeParseAuthorizationCallback,
  type ParseAuthorizationCallbackOptions,
} from './parseAuthorizationCallback.js';
import { skipStateCheck } from './skipStateCheck.js';

const CODE = 'ory_ac_Q2hhbmdlTWVBbmRZb3VMb3NlVGhlR2FtZQ.k3yAbCdEf';
const STATE = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
const BASE = 'https://app.example.com/callback';
const expected = { expectedState: STATE };

function errorOf(run: () => unknown): OAuthRedirectError {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthRedirectError) return error;
    throw error;
  }
  throw new Error('expected an OAuthRedirectError');
}

describe('parseAuthorizationCallback: accepted shapes', () => {
  it.each<[string, string | URL | URLSearchParams]>([
    ['a URL string', `${BASE}?code=${CODE}&state=${STATE}`],
    ['a URL', new URL(`${BASE}?code=${CODE}&state=${STATE}`)],
    ['URLSearchParams', new URLSearchParams({ code: CODE, state: STATE })],
    ['the bare query', `?state=${STATE}&code=${CODE}`],
    ['the query without ?', `code=${CODE}&state=${STATE}`],
    ['a path and query', `/callback?code=${CODE}&state=${STATE}`],
    [
      'the fragment (hash router)',
      `https://app.example.com/#/callback?code=${CODE}&state=${STATE}`,
    ],
    ['query and fragment split', `${BASE}?code=${CODE}#state=${STATE}`],
    [
      'the app keeping its own (repeated) parameters',
      `${BASE}?tab=1&tab=2&code=${CODE}&utm_source=%ZZ&state=${STATE}`,
    ],
    ['a percent-encoded code', `${BASE}?code=${encodeURIComponent(CODE)}&state=${STATE}`],
    [
      'an empty extra code= and an unrelated fragment',
      `${BASE}?code=${CODE}&code=&state=${STATE}#top`,
    ],
    [
      'the iss parameter (RFC 9207) riding along',
      `${BASE}?code=${CODE}&state=${STATE}&iss=https%3A%2F%2Fauth.deriv.com`,
    ],
  ])('reads %s', (_, input) => {
    expect(parseAuthorizationCallback(input, expected)).toStrictEqual({ code: CODE, state: STATE });
  });

  it('reads a code without state when the check is skipped, and the state when present', () => {
    expect(
      parseAuthorizationCallback(`?code=${CODE}`, { expectedState: skipStateCheck }),
    ).toStrictEqual({
      code: CODE,
    });
    expect(
      parseAuthorizationCallback(`?code=${CODE}&state=other`, { expectedState: skipStateCheck }),
    ).toStrictEqual({ code: CODE, state: 'other' });
  });

  it('never reads the path: a code-looking path segment is no code', () => {
    expect(
      errorOf(() =>
        parseAuthorizationCallback(`https://app.example.com/code=${CODE}&state=${STATE}`, expected),
      ).code,
    ).toBe('state_missing');
    expect(
      errorOf(() =>
        parseAuthorizationCallback(
          new URL(`https://app.example.com/code=${CODE}?state=${STATE}`),
          expected,
        ),
      ).code,
    ).toBe('missing_code');
    expect(
      errorOf(() => parseAuthorizationCallback(`/code=${CODE}&state=${STATE}`, expected)).code,
    ).toBe('state_missing');
  });
});

describe('parseAuthorizationCallback: refused input', () => {
  it.each<[string, unknown, OAuthRedirectErrorCode, string?]>([
    ['a number', 42, 'invalid_input'],
    ['null', null, 'invalid_input'],
    ['a plain object', { href: `?code=${CODE}` }, 'invalid_input'],
    ['no code at all', `?state=${STATE}`, 'missing_code', 'code'],
    ['an empty code', `?code=&state=${STATE}`, 'missing_code', 'code'],
    ['a repeated code', `?code=${CODE}&code=other&state=${STATE}`, 'duplicate_parameter', 'code'],
    [
      'a percent-encoded repeat (co%64e)',
      `?code=${CODE}&co%64e=x&state=${STATE}`,
      'duplicate_parameter',
      'code',
    ],
    [
      'a space-padded repeat',
      `?code=${CODE}&%20code=x&state=${STATE}`,
      'duplicate_parameter',
      'code',
    ],
    [
      'a form-encoded padded repeat (+code)',
      `?code=${CODE}&+code=x&state=${STATE}`,
      'duplicate_parameter',
      'code',
    ],
    [
      'a repeat across query and fragment',
      `?code=${CODE}&state=${STATE}#code=x`,
      'duplicate_parameter',
      'code',
    ],
    [
      'a repeated state',
      `?code=${CODE}&state=${STATE}&state=${STATE}`,
      'duplicate_parameter',
      'state',
    ],
    ['a repeated error', `?error=a&error=b&state=${STATE}`, 'duplicate_parameter', 'error'],
    [
      'a repeated error_description',
      `?error=a&error_description=x&error_description=y&state=${STATE}`,
      'duplicate_parameter',
      'error_description',
    ],
    ['no state', `?code=${CODE}`, 'state_missing', 'state'],
    ['an empty state', `?code=${CODE}&state=`, 'state_missing', 'state'],
    ['another state', `?code=${CODE}&state=forged`, 'state_mismatch', 'state'],
    [
      'a state differing in case',
      `?code=${CODE}&state=${STATE.toLowerCase()}`,
      'state_mismatch',
      'state',
    ],
    ['a state with a newline', `?code=${CODE}&state=a%0Ab`, 'invalid_parameter', 'state'],
    [
      'a code with a control character',
      `?code=ory_ac_%00x&state=${STATE}`,
      'invalid_parameter',
      'code',
    ],
    [
      'a code with a bidi override',
      `?code=ory_ac_%E2%80%AEx&state=${STATE}`,
      'invalid_parameter',
      'code',
    ],
    [
      'malformed percent-encoding in the code',
      `?code=ory_ac_%ZZ&state=${STATE}`,
      'malformed_encoding',
      'code',
    ],
    [
      'malformed percent-encoding in a key',
      `?code=${CODE}&%E0%A4%A=1&state=${STATE}`,
      'malformed_encoding',
    ],
    ['an encoded lone surrogate', `?code=%ED%A0%80&state=${STATE}`, 'malformed_encoding', 'code'],
  ])('refuses %s', (_, input, code, parameter) => {
    const error = errorOf(() => parseAuthorizationCallback(input as string, expected));
    expect(error.code).toBe(code);
    if (parameter !== undefined) expect(error.details).toEqual({ parameter });
    expect(isOAuthRedirectError(error)).toBe(true);
    expect(isDerivAuthError(error)).toBe(true);
    expect(error.name).toBe('OAuthRedirectError');
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null (storage lost the state)', null],
    ['an empty string', ''],
    ['a number', 1],
    ['another symbol', Symbol('skipStateCheck')],
  ])('refuses expectedState %s', (_, expectedState) => {
    const options = { expectedState } as unknown as ParseAuthorizationCallbackOptions;
    expect(
      errorOf(() => parseAuthorizationCallback(`?code=${CODE}&state=${STATE}`, options)).code,
    ).toBe('invalid_expected_state');
  });

  it('refuses a call without options', () => {
    const parse = parseAuthorizationCallback as (input: string) => unknown;
    expect(errorOf(() => parse(`?code=${CODE}&state=${STATE}`)).code).toBe(
      'invalid_expected_state',
    );
  });

  it('accepts the skipStateCheck of another installed copy (Symbol.for)', () => {
    const otherCopy = Symbol.for('@deriv-auth/skipStateCheck');
    const options = { expectedState: otherCopy } as unknown as ParseAuthorizationCallbackOptions;
    expect(parseAuthorizationCallback(`?code=${CODE}`, options).code).toBe(CODE);
  });

  it('refuses over-long input before parsing it', () => {
    const huge = `?code=${CODE}&state=${STATE}&pad=${'x'.repeat(9000)}`;
    expect(errorOf(() => parseAuthorizationCallback(huge, expected)).code).toBe('input_too_long');
    expect(parseAuthorizationCallback(huge, { ...expected, maxLength: 10_000 }).code).toBe(CODE);
    expect(
      errorOf(() =>
        parseAuthorizationCallback(`?code=${CODE}&state=${STATE}`, { ...expected, maxLength: 10 }),
      ).code,
    ).toBe('input_too_long');
  });
});

describe('parseAuthorizationCallback: provider errors', () => {
  it("turns Deriv's cancel callback into provider_error, its text in details only", () => {
    const error = errorOf(() =>
      parseAuthorizationCallback(
        `${BASE}?error=access_denied&error_description=User+cancelled&state=${STATE}`,
        expected,
      ),
    );
    expect(error.code).toBe('provider_error');
    expect(error.details).toStrictEqual({
      providerError: 'access_denied',
      providerErrorDescription: 'User cancelled',
    });
    expect(error.message).not.toContain('access_denied');
    expect(error.message).not.toContain('cancelled');
  });

  it('checks state before the provider error: a forged error link is a state failure', () => {
    expect(
      errorOf(() => parseAuthorizationCallback('?error=access_denied&state=forged', expected)).code,
    ).toBe('state_mismatch');
    expect(errorOf(() => parseAuthorizationCallback('?error=access_denied', expected)).code).toBe(
      'state_missing',
    );
    expect(
      errorOf(() =>
        parseAuthorizationCallback('?error=access_denied', { expectedState: skipStateCheck }),
      ).code,
    ).toBe('provider_error');
  });

  it('prefers the provider error over a code that came with it', () => {
    const error = errorOf(() =>
      parseAuthorizationCallback(`?code=${CODE}&error=server_error&state=${STATE}`, expected),
    );
    expect(error.code).toBe('provider_error');
    expect(JSON.stringify(error.details)).not.toContain(CODE);
  });

  it('strips control and bidi characters and bounds provider text at 256 characters', () => {
    const error = errorOf(() =>
      parseAuthorizationCallback(
        `?error=access%0A_denied&error_description=a%E2%80%AEb%00c${'+d'.repeat(200)}&state=${STATE}`,
        expected,
      ),
    );
    expect(error.details?.providerError).toBe('access_denied');
    expect(error.details?.providerErrorDescription).toBe(`abc${' d'.repeat(200)}`.slice(0, 256));
  });

  it('hides the code and credential-shaped text the provider quotes (attacker text)', () => {
    const error = errorOf(() =>
      parseAuthorizationCallback(
        `?code=ory_ac_quotedSecret1&error=x&error_description=bad+code+ory_ac_quotedSecret1+k%3Dv&state=${STATE}`,
        expected,
      ),
    );
    expect(JSON.stringify(error.details)).not.toContain('quotedSecret1');
    expect(error.details?.providerErrorDescription).toBe('bad code <not shown> <not shown>');
  });

  it('omits the description when none was sent', () => {
    const error = errorOf(() => parseAuthorizationCallback(`?error=x&state=${STATE}`, expected));
    expect(error.details).toStrictEqual({ providerError: 'x' });
  });
});

describe('safeParseAuthorizationCallback', () => {
  it('returns data or the typed error, like zod', () => {
    expect(safeParseAuthorizationCallback(`?code=${CODE}&state=${STATE}`, expected)).toStrictEqual({
      success: true,
      data: { code: CODE, state: STATE },
    });
    const result = safeParseAuthorizationCallback(`?code=${CODE}`, expected);
    expect(result.success || result.error.code).toBe('state_missing');
  });

  it('wraps an unexpected failure without a cause that could hold the input', () => {
    const hostile = {
      toString() {
        throw new Error(CODE);
      },
    };
    const input = Object.setPrototypeOf(hostile, URLSearchParams.prototype) as URLSearchParams;
    const result = safeParseAuthorizationCallback(input, expected);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.cause).toBeUndefined();
  });
});

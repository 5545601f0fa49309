import { describe, expect, it } from 'vitest';
import { DerivAuthError, isDerivAuthError } from './derivAuthError.js';
import { isLoginUrlError, LoginUrlError } from './loginUrlError.js';
import { isOAuthRedirectError, OAuthRedirectError } from './oAuthRedirectError.js';

// The base class is abstract (only typed classes create errors): a bare subclass shows what every
// subclass inherits.
class BareError extends DerivAuthError {}

describe('DerivAuthError', () => {
  it('carries a fixed name, a code, details and cause', () => {
    const cause = new TypeError('boom');
    const error = new BareError('some_code', 'Something failed', {
      cause,
      details: { parameter: 'x' },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DerivAuthError');
    expect(error.code).toBe('some_code');
    expect(error.message).toBe('Something failed');
    expect(error.details).toEqual({ parameter: 'x' });
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('DerivAuthError: Something failed');
  });

  it('has no cause or details when none were given', () => {
    const error = new BareError('c', 'm');
    expect('cause' in error).toBe(false);
    expect('details' in error).toBe(false);
  });

  it('is recognised across installed copies through a Symbol.for marker', () => {
    // What a second copy of the package produces: a different class, the same registered symbol.
    const fromOtherCopy = Object.assign(new Error('x'), {
      name: 'OAuthRedirectError',
      code: 'no_accounts',
      [Symbol.for('@deriv-auth/error')]: true,
    });
    expect(isDerivAuthError(fromOtherCopy)).toBe(true);
    expect(isOAuthRedirectError(fromOtherCopy)).toBe(true);
  });

  it.each([
    new Error('plain'),
    { code: 'x', name: 'DerivAuthError' },
    null,
    undefined,
    'DerivAuthError',
    42,
  ])('does not mistake %j for an SDK error', (value) => {
    expect(isDerivAuthError(value)).toBe(false);
  });

  it('tells subclasses apart by name', () => {
    expect(isOAuthRedirectError(new OAuthRedirectError('no_accounts', 'm'))).toBe(true);
    expect(isOAuthRedirectError(new BareError('no_accounts', 'm'))).toBe(false);
    expect(isOAuthRedirectError(new LoginUrlError('invalid_app_id', 'm'))).toBe(false);
    expect(isLoginUrlError(new LoginUrlError('invalid_app_id', 'm'))).toBe(true);
    expect(isLoginUrlError(new OAuthRedirectError('no_accounts', 'm'))).toBe(false);
  });

  it('keeps the marker out of JSON', () => {
    expect(JSON.stringify(new BareError('c', 'm', { details: { a: 1 } }))).toBe(
      '{"name":"DerivAuthError","code":"c","details":{"a":1}}',
    );
  });
});

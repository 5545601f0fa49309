import { OAuthRedirectError, createDerivApiError } from '@deriv-auth/core';
import { DerivLoginError } from '@deriv-auth/login';
import { DerivConnectionError, DerivSessionError } from '@deriv-auth/ws-client';
import { describe, expect, it } from 'vitest';
import { describeError } from './describeError';

const apiError = (code: string, message: string) =>
  createDerivApiError({ error: { code, message }, msg_type: 'authorize', echo_req: {} });

describe('describeError', () => {
  it.each([
    [
      new OAuthRedirectError('provider_error', 'x', { providerError: 'access_denied' }),
      'Login cancelled',
      true,
    ],
    [new OAuthRedirectError('state_mismatch', 'x'), 'This login was not started here', true],
    [new OAuthRedirectError('missing_token', 'x'), 'The login answer was not understood', true],
    [new DerivLoginError('login_not_started', 'x'), 'This login was not started here', true],
    [new DerivLoginError('no_matching_account', 'x'), 'No account of that kind', true],
    [apiError('InvalidToken', 'The token is invalid.'), 'Session expired or revoked', true],
    [
      apiError('InvalidToken', 'Token is not valid for current app ID.'),
      'Token issued for another app',
      true,
    ],
    [new DerivConnectionError('reconnect_exhausted', 'x'), 'Cannot reach Deriv', false],
    [new DerivSessionError('account_mismatch', 'x'), 'Account mismatch', true],
    [new DerivSessionError('unknown_account', 'x'), 'Account not available', false],
    [new DerivSessionError('session_ended', 'x'), 'Not signed in', true],
    [new TypeError('x'), 'Something went wrong', true],
  ])('describes %o', (error, title, loginAgain) => {
    const description = describeError(error);
    expect(description.title).toBe(title);
    expect(description.loginAgain).toBe(loginAgain);
  });

  it('tells the class by the SDK guard, not by a name any error can borrow', () => {
    const impostor = Object.assign(new Error('x'), {
      name: 'DerivLoginError',
      code: 'login_not_started',
    });
    expect(describeError(impostor).title).toBe('Something went wrong');
  });

  it('explains a session ended by the server through its cause', () => {
    const cause = apiError('InvalidToken', 'Token is not valid for current app ID.');
    const description = describeError(new DerivSessionError('session_ended', 'x', { cause }));
    expect(description).toMatchObject({
      title: 'Token issued for another app',
      code: 'InvalidToken',
    });
  });

  it('never repeats a server message that could carry input', () => {
    const description = describeError(apiError('InputValidationFailed', 'a1-secret'));
    expect(JSON.stringify(description)).not.toContain('a1-secret');
  });

  it('describes values that are not errors', () => {
    expect(describeError(undefined).code).toBe('unknown');
  });
});

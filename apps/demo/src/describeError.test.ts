import { describe, expect, it } from 'vitest';
import { describeError } from './describeError';

const error = (fields: Record<string, unknown>): object => Object.assign(new Error('x'), fields);

describe('describeError', () => {
  it.each([
    [
      { name: 'OAuthRedirectError', code: 'provider_error', providerError: 'access_denied' },
      'Login cancelled',
      true,
    ],
    [
      { name: 'OAuthRedirectError', code: 'state_mismatch' },
      'This login was not started here',
      true,
    ],
    [
      { name: 'OAuthRedirectError', code: 'missing_token' },
      'The login answer was not understood',
      true,
    ],
    [
      { name: 'DerivLoginError', code: 'login_not_started' },
      'This login was not started here',
      true,
    ],
    [{ name: 'DerivLoginError', code: 'no_matching_account' }, 'No account of that kind', true],
    [
      { name: 'DerivApiError', code: 'InvalidToken', message: 'The token is invalid.' },
      'Session expired or revoked',
      true,
    ],
    [
      {
        name: 'DerivApiError',
        code: 'InvalidToken',
        serverMessage: 'The token is invalid.',
        message:
          'The token is invalid. Revoked, or issued for another app id (tokens only work with their app id).',
      },
      'Session expired or revoked',
      true,
    ],
    [
      {
        name: 'DerivApiError',
        code: 'InvalidToken',
        message: 'Token is not valid for current app ID.',
      },
      'Token issued for another app',
      true,
    ],
    [{ name: 'DerivConnectionError', code: 'reconnect_exhausted' }, 'Cannot reach Deriv', false],
    [{ name: 'DerivSessionError', code: 'account_mismatch' }, 'Account mismatch', true],
    [{ name: 'DerivSessionError', code: 'session_ended' }, 'Not signed in', true],
    [{ name: 'TypeError' }, 'Something went wrong', true],
  ])('describes %o', (fields, title, loginAgain) => {
    const description = describeError(error(fields));
    expect(description.title).toBe(title);
    expect(description.loginAgain).toBe(loginAgain);
  });

  it('explains a session ended by the server through its cause', () => {
    const cause = error({
      name: 'DerivApiError',
      code: 'InvalidToken',
      message: 'Token is not valid for current app ID.',
    });
    const description = describeError(
      error({ name: 'DerivSessionError', code: 'session_ended', cause }),
    );
    expect(description).toMatchObject({
      title: 'Token issued for another app',
      code: 'InvalidToken',
    });
  });

  it('never repeats a server message that could carry input', () => {
    const description = describeError(
      error({ name: 'DerivApiError', code: 'InputValidationFailed', message: 'a1-secret' }),
    );
    expect(JSON.stringify(description)).not.toContain('a1-secret');
  });

  it('describes values that are not errors', () => {
    expect(describeError(undefined).code).toBe('unknown');
  });
});

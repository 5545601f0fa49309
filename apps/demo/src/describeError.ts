/**
 * Turns any SDK error into what the demo tells the user: a title, one sentence, and whether
 * logging in again is the way out. The class is told by the SDK's guards (`isDerivLoginError`,
 * ...), which survive two installed copies and cannot be fooled by an error that only borrows a
 * `name`; only the `code` and the provider's error value are read, never the message of a server
 * error verbatim, so no token can reach the screen.
 */
import { isDerivApiError, isOAuthRedirectError } from '@deriv-auth/core';
import { isDerivLoginError } from '@deriv-auth/login';
import { isDerivConnectionError, isDerivSessionError } from '@deriv-auth/ws-client';

/** What an error notice shows. */
export interface ErrorDescription {
  /** Short headline. */
  readonly title: string;
  /** One or two sentences saying what happened and what to do. */
  readonly message: string;
  /** Stable machine code, shown small for support (`InvalidToken`, `provider_error`, ...). */
  readonly code: string;
  /** `true` when the way out is to log in again (offer the login button). */
  readonly loginAgain: boolean;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Describes an error for the UI.
 *
 * @param error - Anything thrown or held in a snapshot: `OAuthRedirectError`, `DerivLoginError`,
 *   `DerivApiError`, `DerivConnectionError`, or something unexpected.
 * @returns The title, message and code to show.
 * @example
 * ```ts
 * describeError(snapshot.error).title; // 'Session expired or revoked'
 * ```
 */
export function describeError(error: unknown): ErrorDescription {
  const code =
    typeof error === 'object' && error !== null ? textOf((error as { code?: unknown }).code) : '';
  const describe = (title: string, message: string, loginAgain: boolean): ErrorDescription => ({
    title,
    message,
    code: code || 'unknown',
    loginAgain,
  });

  if (isOAuthRedirectError(error)) {
    if (error.code === 'provider_error') {
      return error.providerError === 'access_denied'
        ? describe(
            'Login cancelled',
            'You declined to share your Deriv account with this app. Nothing was stored.',
            true,
          )
        : describe(
            'Deriv refused the login',
            `The login page answered "${error.providerError ?? ''}".`,
            true,
          );
    }
    if (error.code === 'state_missing' || error.code === 'state_mismatch') {
      return describe(
        'This login was not started here',
        'The sign-in link did not match a login started in this tab, so it was ignored.',
        true,
      );
    }
    return describe(
      'The login answer was not understood',
      'The redirect from Deriv was incomplete or malformed, so it was ignored.',
      true,
    );
  }
  if (isDerivLoginError(error)) {
    switch (error.code) {
      case 'login_not_started':
        return describe(
          'This login was not started here',
          'The sign-in link was already used, opened in another tab, or not started by this app. It was ignored.',
          true,
        );
      case 'login_expired':
        return describe('The login took too long', 'Please start the login again.', true);
      case 'storage_unavailable':
        return describe(
          'Browser storage is blocked',
          'This tab cannot keep the one-time login state. Allow site data and try again.',
          false,
        );
      case 'no_matching_account':
        return describe(
          'No account of that kind',
          'This login has no account of the kind this app signs in to (demo or real money). Nothing was authorized.',
          true,
        );
      case 'code_exchange_refused':
        return describe(
          'The sign-in code was refused',
          'Deriv did not accept the one-time sign-in code (already used, or expired). Please log in again.',
          true,
        );
      default:
        return describe('Login failed', 'The login could not be completed.', true);
    }
  }
  if (isDerivApiError(error)) {
    if (error.code === 'InvalidToken') {
      return /not valid for (the )?current app ?id/i.test(error.serverMessage || error.message)
        ? describe(
            'Token issued for another app',
            'These tokens belong to a different Deriv app id, so this app cannot use them. Log in again here.',
            true,
          )
        : describe(
            'Session expired or revoked',
            'Your login is no longer valid (expired or revoked). Log in again to continue.',
            true,
          );
    }
    if (error.code === 'InvalidAppID')
      return describe(
        'Unknown app id',
        'Deriv does not know this app id. Check VITE_DERIV_APP_ID.',
        false,
      );
    if (error.code === 'RateLimit')
      return describe(
        'Too many requests',
        'Deriv asked us to slow down. Try again in a moment.',
        false,
      );
    if (error.code === 'PermissionDenied')
      return describe(
        'Permission denied',
        'This login does not grant the scope that action needs.',
        false,
      );
    return describe('Deriv returned an error', `The server refused the request (${code}).`, false);
  }
  if (isDerivConnectionError(error)) {
    if (error.code === 'reconnect_exhausted' || error.code === 'connect_failed') {
      return describe(
        'Cannot reach Deriv',
        'The connection to the Deriv server failed and could not be restored.',
        false,
      );
    }
    return describe(
      'Connection problem',
      'The connection to the Deriv server was interrupted.',
      false,
    );
  }
  if (isDerivSessionError(error)) {
    // The session wraps the server's refusal (`session_ended` <- `InvalidToken`): explain the cause.
    if (isDerivApiError(error.cause) || isDerivConnectionError(error.cause)) {
      return describeError(error.cause);
    }
    switch (error.code) {
      case 'account_mismatch':
        return describe(
          'Account mismatch',
          'Deriv authorized a different account than the token came with, so the session was refused. Log in again.',
          true,
        );
      case 'permission_denied':
        return describe(
          'Permission denied',
          'This login does not grant the scope that action needs.',
          false,
        );
      case 'login_required':
        return describe(
          'Your sign-in expired',
          'The sign-in could not be renewed. Log in again to continue.',
          true,
        );
      case 'unknown_account':
        // Also what the login gives when an account chooser names an account the redirect lacks.
        return describe('Account not available', 'That account is not part of this login.', false);
      default:
        return describe(
          'Not signed in',
          'The session has no authorized account any more. Log in again.',
          true,
        );
    }
  }
  return describe(
    'Something went wrong',
    'An unexpected error occurred. Try again, or log in again.',
    true,
  );
}

/**
 * Turns any SDK error into what the demo tells the user: a title, one sentence, and whether
 * logging in again is the way out. Only `name`, `code` and the provider's error value are read,
 * never the message of a server error verbatim, so no token can reach the screen.
 */

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

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly providerError?: unknown;
  readonly cause?: unknown;
  readonly serverMessage?: unknown;
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
  const value: ErrorLike = typeof error === 'object' && error !== null ? error : {};
  const name = textOf(value.name);
  const code = textOf(value.code) || 'unknown';
  const describe = (title: string, message: string, loginAgain: boolean): ErrorDescription => ({
    title,
    message,
    code,
    loginAgain,
  });

  if (name === 'OAuthRedirectError') {
    if (code === 'provider_error') {
      return textOf(value.providerError) === 'access_denied'
        ? describe(
            'Login cancelled',
            'You declined to share your Deriv account with this app. Nothing was stored.',
            true,
          )
        : describe(
            'Deriv refused the login',
            `The login page answered "${textOf(value.providerError)}".`,
            true,
          );
    }
    if (code === 'state_missing' || code === 'state_mismatch') {
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
  if (name === 'DerivLoginError') {
    if (code === 'login_not_started') {
      return describe(
        'This login was not started here',
        'The sign-in link was already used, opened in another tab, or not started by this app. It was ignored.',
        true,
      );
    }
    if (code === 'login_expired')
      return describe('The login took too long', 'Please start the login again.', true);
    if (code === 'storage_unavailable') {
      return describe(
        'Browser storage is blocked',
        'This tab cannot keep the one-time login state. Allow site data and try again.',
        false,
      );
    }
    if (code === 'account_not_found')
      return describe('Account not available', 'That account is not part of this login.', true);
    if (code === 'no_matching_account') {
      return describe(
        'No account of that kind',
        'This login has no account of the kind this app signs in to (demo or real money). Nothing was authorized.',
        true,
      );
    }
    return describe('Login failed', 'The login could not be completed.', true);
  }
  if (name === 'DerivApiError') {
    if (code === 'InvalidToken') {
      return /not valid for (the )?current app ?id/i.test(
        textOf(value.serverMessage) || textOf(value.message),
      )
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
    if (code === 'InvalidAppID')
      return describe(
        'Unknown app id',
        'Deriv does not know this app id. Check VITE_DERIV_APP_ID.',
        false,
      );
    if (code === 'RateLimit')
      return describe(
        'Too many requests',
        'Deriv asked us to slow down. Try again in a moment.',
        false,
      );
    if (code === 'PermissionDenied')
      return describe(
        'Permission denied',
        'This login does not grant the scope that action needs.',
        false,
      );
    return describe('Deriv returned an error', `The server refused the request (${code}).`, false);
  }
  if (name === 'DerivConnectionError') {
    if (code === 'reconnect_exhausted' || code === 'handshake_failed') {
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
  if (name === 'DerivSessionError') {
    // The session wraps the server's refusal (`session_ended` <- `InvalidToken`): explain the cause.
    const cause: ErrorLike =
      typeof value.cause === 'object' && value.cause !== null ? value.cause : {};
    const causeName = textOf(cause.name);
    if (causeName === 'DerivApiError' || causeName === 'DerivConnectionError') {
      return describeError(cause);
    }
    if (code === 'account_mismatch') {
      return describe(
        'Account mismatch',
        'Deriv authorized a different account than the token came with, so the session was refused. Log in again.',
        true,
      );
    }
    if (code === 'permission_denied') {
      return describe(
        'Permission denied',
        'This login does not grant the scope that action needs.',
        false,
      );
    }
    if (code === 'unknown_account') {
      return describe('Account not available', 'That account is not part of this login.', false);
    }
    return describe(
      'Not signed in',
      'The session has no authorized account any more. Log in again.',
      true,
    );
  }
  return describe(
    'Something went wrong',
    'An unexpected error occurred. Try again, or log in again.',
    true,
  );
}

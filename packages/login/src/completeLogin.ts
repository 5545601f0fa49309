import {
  hasOAuthCallback,
  isDerivAuthError,
  parseAuthorizationCallback,
  parseOAuthRedirect,
  stripOAuthCallback,
  validateReturnPath,
  type Authorize,
  type DerivAuthError,
} from '@deriv-auth/core';
import type { DerivSession } from '@deriv-auth/ws-client';
import { createBrowserEnvironment, type BrowserEnvironment } from './browserEnvironment.js';
import { DerivLoginError } from './derivLoginError.js';
import { DEFAULT_STORAGE_KEY, consumeLoginRecord } from './internal/loginRecord.js';
import type { AccountChoice } from './accountChoice.js';
import { pickAccount } from './internal/pickAccount.js';
import { internalsOf } from './internal/newApiRegistry.js';
import type { NewApiLogin } from './newApiTypes.js';
import { observe } from './internal/reportUnhandled.js';
import { callbackEntry, setCallbackState } from './loginCallbackStore.js';

/** Options of {@link completeLogin}. */
export interface CompleteLoginOptions {
  /** The session that receives the accounts and authorizes one (created outside any framework). */
  session: Pick<DerivSession, 'setAccounts' | 'authorize'>;
  /** Which account to authorize (default `'first'`); `'virtual'`/`'real'` never fall back. */
  account?: AccountChoice | undefined;
  /** Key the login state was kept under by {@link startLogin} (default `'@deriv-auth/login'`). */
  storageKey?: string | undefined;
  /** Browser facilities (default {@link createBrowserEnvironment}). */
  environment?: BrowserEnvironment | undefined;
  /**
   * Deriv's New API login (`createNewApiLogin`, the same one given to `startLogin`): the callback
   * is `?code=..&state=..`, the code is exchanged with the PKCE verifier, and the session (created
   * with `newApi: { tokens: login.tokens }`) loads its accounts from the REST list and opens the
   * chosen account's socket from a one-time URL. Demo or real comes from the list's `account_type`.
   */
  newApi?: NewApiLogin | undefined;
}

/** What {@link completeLogin} resolves to: whether this page was a callback and, if so, the result. */
export type CompleteLoginResult =
  | { readonly handled: false }
  | {
      readonly handled: true;
      readonly account: string;
      readonly authorize: Authorize;
      readonly returnTo?: string | undefined;
    };

function toAuthError(error: unknown): DerivAuthError {
  return isDerivAuthError(error)
    ? error
    : new DerivLoginError('login_failed', 'Login failed.', { cause: error });
}

async function authorizeAccounts(
  options: CompleteLoginOptions,
  accounts: Parameters<DerivSession['setAccounts']>[0],
  account: string,
  returnTo: string | undefined,
): Promise<CompleteLoginResult> {
  options.session.setAccounts(accounts);
  const authorize = await options.session.authorize(account);
  return { handled: true, account, authorize, returnTo };
}

/**
 * Completes the OAuth login on the callback page, exactly once per page: takes the tokens out of
 * the address bar, checks the one-time state, hands the accounts to the session and authorizes one.
 *
 * @remarks
 * Everything before the first `await` is synchronous and in this order: read the URL, remove the
 * callback from both its query and its fragment with `history.replaceState` (`?acct1=..`,
 * `#acct1=..`, a hash router's `#/callback?acct1=..` which keeps `#/callback`), so neither the
 * address bar, the history entry, a reload nor the back/forward cache keeps the tokens; then read
 * and delete the tab's login record. A second call on the same session (StrictMode's double
 * effects, two components) gets the first call's promise; a reload finds a clean URL and resolves
 * `{ handled: false }`. A callback that no {@link startLogin} in this tab is waiting for is
 * refused before any token is used. Progress is published through {@link getLoginCallbackStore}.
 *
 * A failure nobody handles does not vanish: when no handler is attached to the returned promise
 * and nothing subscribes to {@link getLoginCallbackStore}, it is logged once with `console.error`
 * (name, code and redacted message only) right after the current task.
 *
 * What stays outside the SDK's reach: the browser's `performance.getEntriesByType('navigation')`
 * entry keeps the callback URL, tokens included, for the life of the document (it cannot be
 * cleared), and a persistent profile's history database records the visited URL. Handle the
 * callback on a route that loads no third-party script, and see the README.
 *
 * @param options - The session, the account to pick, and optional storage key / environment.
 * @returns `{ handled: false }` when the page is not a callback, else the authorized account,
 *   Deriv's `authorize` data and the checked `returnTo`.
 * @throws {@link DerivLoginError} (`login_not_started`, `login_expired`, `no_matching_account`,
 *   `storage_unavailable`, `login_failed`), {@link @deriv-auth/core!index.OAuthRedirectError}
 *   (`state_mismatch`, `provider_error` when the user denied, ...), and whatever
 *   `session.authorize` rejects with: `DerivSessionError` `unknown_account` when a chooser names
 *   an account the redirect did not carry; a revoked or expired token is `DerivSessionError`
 *   `session_ended` with the server's {@link @deriv-auth/core!index.DerivApiError}
 *   (`InvalidToken`) as its `cause`; a connection failure is a ws-client error. Every failure is
 *   a rejection.
 * @example
 * ```ts
 * import { completeLogin } from '@deriv-auth/login';
 * import type { DerivSession } from '@deriv-auth/ws-client';
 *
 * declare const session: DerivSession;
 * declare function showLoginError(error: unknown): void;
 *
 * // before the app renders: tokens leave the URL first
 * completeLogin({ session, account: 'virtual' })
 *   .then((result) => {
 *     if (result.handled && result.returnTo) history.replaceState(null, '', result.returnTo);
 *   })
 *   .catch(showLoginError);
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2
 */
export function completeLogin(options: CompleteLoginOptions): Promise<CompleteLoginResult> {
  const { session } = options;
  const entry = callbackEntry(session);
  let inner: Promise<CompleteLoginResult>;
  try {
    const newApi = options.newApi === undefined ? undefined : internalsOf(options.newApi);
    const environment = options.environment ?? newApi?.environment() ?? createBrowserEnvironment();
    const href = environment.location.href;
    if (!(newApi ? newApi.hasCallback(href) : hasOAuthCallback(href))) {
      if (entry.promise) return entry.promise as Promise<CompleteLoginResult>;
      setCallbackState(session, { status: 'none' });
      return Promise.resolve({ handled: false });
    }
    // The tokens leave the address bar first, before anything that could throw with the URL in
    // hand (`new URL` keeps its input on the error). The parser reads only query and fragment.
    const cleanHref = newApi ? newApi.stripCallback(href) : stripOAuthCallback(href);
    environment.history.replaceState(environment.history.state, '', cleanHref);
    setCallbackState(session, { status: 'pending' });
    const record = consumeLoginRecord(
      environment,
      options.storageKey ?? newApi?.storageKey ?? DEFAULT_STORAGE_KEY,
    );
    // A legacy login's record has no verifier: a code cannot complete it (nor the reverse).
    if (!record || (newApi !== undefined) !== (record.codeVerifier !== undefined)) {
      throw new DerivLoginError('login_not_started', 'No login was started in this tab.');
    }
    if (environment.now() >= record.expiresAt) {
      throw new DerivLoginError('login_expired', 'The login expired; start again.');
    }
    const checkReturnTo = (): string | undefined =>
      record.returnTo === undefined
        ? undefined
        : validateReturnPath(record.returnTo, { origin: cleanHref });
    if (newApi && record.codeVerifier !== undefined) {
      const { code } = parseAuthorizationCallback(href, { expectedState: record.state });
      const callback = { code, state: record.state };
      inner = newApi
        .complete({
          session: options.session,
          account: options.account,
          callback,
          codeVerifier: record.codeVerifier,
          returnTo: checkReturnTo(),
        })
        // As on the legacy path: a chooser's own throw becomes `login_failed` with it as `cause`.
        .catch((error: unknown) => {
          throw toAuthError(error);
        });
    } else {
      const { accounts } = parseOAuthRedirect(href, { expectedState: record.state });
      const account = pickAccount(accounts, options.account ?? 'first');
      inner = authorizeAccounts(options, accounts, account, checkReturnTo());
    }
  } catch (error) {
    inner = Promise.reject(toAuthError(error));
  }
  const promise = observe(inner, () => entry.store.listenerCount > 0);
  entry.promise = promise;
  inner.then(
    (result) => {
      if (entry.promise === promise && result.handled)
        setCallbackState(session, {
          status: 'success',
          account: result.account,
          returnTo: result.returnTo,
        });
    },
    (error: unknown) => {
      if (entry.promise === promise)
        setCallbackState(session, { status: 'error', error: toAuthError(error) });
    },
  );
  return promise;
}

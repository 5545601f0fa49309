import {
  DerivAuthError,
  isDerivAuthError,
  parseOAuthRedirect,
  validateReturnPath,
  type Authorize,
} from '@deriv-auth/core';
import type { DerivSession } from '@deriv-auth/ws-client';
import { createBrowserEnvironment, type BrowserEnvironment } from './browserEnvironment.js';
import { DerivLoginError } from './derivLoginError.js';
import { DEFAULT_STORAGE_KEY, consumeLoginRecord } from './internal/loginRecord.js';
import type { AccountChoice } from './accountChoice.js';
import { pickAccount } from './internal/pickAccount.js';
import { callbackEntry, setCallbackState } from './oAuthCallbackState.js';

/** Parameters of {@link completeLogin}. */
export interface CompleteLoginParameters {
  /** The session that receives the accounts and authorizes one (created outside any framework). */
  session: Pick<DerivSession, 'setAccounts' | 'authorize'>;
  /** Which account to authorize (default `'first'`). */
  account?: AccountChoice;
  /** Key the login state was kept under by {@link startLogin} (default `'@deriv-auth/login'`). */
  storageKey?: string;
  /** Browser facilities (default {@link createBrowserEnvironment}). */
  environment?: BrowserEnvironment;
}

/** What {@link completeLogin} resolves to: whether this page was a callback and, if so, the result. */
export type CompleteLoginReturnType =
  | { readonly handled: false }
  | {
      readonly handled: true;
      readonly account: string;
      readonly authorize: Authorize;
      readonly returnTo?: string | undefined;
    };

/**
 * A login callback carries accounts (`acctN`/`tokenN`/`curN`, space-padded too: Deriv's own docs
 * show `& token1=`) or a provider error with the state. A lone `state` or `error` is left alone:
 * app pages may use those names for their own purposes.
 */
function isCallback(search: URLSearchParams): boolean {
  const keys = [...search.keys()].map((key) => key.trim().toLowerCase());
  return (
    keys.some((key) => /^(?:acct|token|cur)\d+$/.test(key)) ||
    (keys.includes('error') && keys.includes('state'))
  );
}

function toAuthError(error: unknown): DerivAuthError {
  return isDerivAuthError(error)
    ? error
    : new DerivAuthError('unexpected', 'Login failed.', { cause: error });
}

async function authorizeAccounts(
  parameters: CompleteLoginParameters,
  accounts: Parameters<DerivSession['setAccounts']>[0],
  account: string,
  returnTo: string | undefined,
): Promise<CompleteLoginReturnType> {
  parameters.session.setAccounts(accounts);
  const authorize = await parameters.session.authorize(account);
  return { handled: true, account, authorize, returnTo };
}

/**
 * Completes the OAuth login on the callback page, exactly once per page: takes the tokens out of
 * the address bar, checks the one-time state, hands the accounts to the session and authorizes one.
 *
 * @remarks
 * Everything before the first `await` is synchronous and in this order: read the URL, remove its
 * query with `history.replaceState` (so neither the address bar, the history entry, a reload nor
 * the back/forward cache keeps the tokens), then read and delete the tab's login record. A second
 * call on the same session (StrictMode's double effects, two components) gets the first call's
 * promise; a reload finds a clean URL and resolves `{ handled: false }`. A callback that no
 * {@link startLogin} in this tab is waiting for is refused before any token is used. Progress is
 * published through {@link getOAuthCallbackState}.
 *
 * @param parameters - The session, the account to pick, and optional storage key / environment.
 * @returns `{ handled: false }` when the page is not a callback, else the authorized account,
 *   Deriv's `authorize` data and the checked `returnTo`.
 * @throws {@link DerivLoginError} (`login_not_started`, `login_expired`, `account_not_found`,
 *   `storage_unavailable`), {@link @deriv-auth/core!OAuthRedirectError} (`state_mismatch`,
 *   `provider_error` when the user denied, ...), and whatever `session.authorize` rejects with
 *   ({@link @deriv-auth/core!DerivApiError} `InvalidToken`, a connection error).
 * @example
 * ```ts
 * // before the app renders: tokens leave the URL first
 * const login = completeLogin({ session, account: 'virtual' })
 * createRoot(root).render(<App />)
 * const result = await login
 * if (result.handled && result.returnTo) router.replace(result.returnTo)
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2
 */
export function completeLogin(
  parameters: CompleteLoginParameters,
): Promise<CompleteLoginReturnType> {
  const { session } = parameters;
  const entry = callbackEntry(session);
  let promise: Promise<CompleteLoginReturnType>;
  try {
    const environment = parameters.environment ?? createBrowserEnvironment();
    const url = new URL(environment.location.href);
    if (!isCallback(url.searchParams)) {
      if (entry.promise) return entry.promise as Promise<CompleteLoginReturnType>;
      setCallbackState(session, { status: 'none' });
      return Promise.resolve({ handled: false });
    }
    const search = new URLSearchParams(url.searchParams);
    url.search = '';
    environment.history.replaceState(environment.history.state, '', url.href);
    setCallbackState(session, { status: 'pending' });
    const record = consumeLoginRecord(environment, parameters.storageKey ?? DEFAULT_STORAGE_KEY);
    if (!record) {
      throw new DerivLoginError('login_not_started', 'No login was started in this tab.');
    }
    if (environment.now() >= record.expiresAt) {
      throw new DerivLoginError('login_expired', 'The login expired; start again.');
    }
    const { accounts } = parseOAuthRedirect(search, { expectedState: record.state });
    const account = pickAccount(accounts, parameters.account ?? 'first');
    const returnTo =
      record.returnTo === undefined
        ? undefined
        : validateReturnPath(record.returnTo, { origin: url.origin });
    promise = authorizeAccounts(parameters, accounts, account, returnTo);
  } catch (error) {
    promise = Promise.reject(toAuthError(error));
  }
  entry.promise = promise;
  promise.then(
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

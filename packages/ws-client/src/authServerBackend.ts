import type { NewApiAccount } from '@deriv-auth/core';
import { DerivRestError, restErrorCodeFor } from './derivRestError.js';
import { DerivSessionError } from './derivSessionError.js';
import { fetchWithDeadline } from './internal/newApi/fetchWithDeadline.js';
import { ACCOUNT_ID, isOtpUrl } from './internal/newApi/readRest.js';
import { checkTimeout } from './internal/timeoutLimits.js';

/** Options of {@link createAuthServerBackend}. */
export interface AuthServerBackendOptions {
  /**
   * Where `@deriv-auth/server`'s routes are mounted: a path on the page's own origin (default
   * `/auth`, so the `HttpOnly` session cookie goes along), or an absolute URL (Node, tests).
   */
  baseUrl?: string | undefined;
  /** `fetch` to use; default `globalThis.fetch`, read at call time. */
  fetch?: typeof fetch | undefined;
  /** Time one call to the server may take. Default 15 000 ms. */
  timeoutMs?: number | undefined;
  /** Aborts every call in flight and every later one (e.g. when the app unmounts). */
  signal?: AbortSignal | undefined;
}

/** The `session` route's answer, as the page may see it: accounts and scopes, never a token. */
export type AuthServerSession =
  | {
      signedIn: true;
      accounts: { id: string; currency: string; type: 'demo' | 'real'; status: string }[];
      scopes: string[];
    }
  | { signedIn: false; reason: string };

/**
 * A session's New API backend that asks `@deriv-auth/server` (see {@link createAuthServerBackend});
 * pass it whole as the session's `newApi` option.
 */
export interface AuthServerBackend {
  /** `POST {baseUrl}/otp`: a fresh one-time socket URL for one of the signed-in user's accounts. */
  otpUrl: (accountId: string, signal?: AbortSignal) => Promise<string>;
  /** `GET {baseUrl}/session`: the accounts (`balance` 0 and `group` empty: the route omits them). */
  listAccounts: (signal?: AbortSignal) => Promise<NewApiAccount[]>;
  /** `GET {baseUrl}/session` as it is: signed in or not (and why), without throwing for "not". */
  readSession: (signal?: AbortSignal) => Promise<AuthServerSession>;
  /** `POST {baseUrl}/logout`: ends the server's session; a session's full `logout()` calls it. */
  logout: (signal?: AbortSignal) => Promise<void>;
  /** `{baseUrl}/login?returnTo=..`: where to send the browser to sign in (a full-page navigation). */
  loginUrl: (returnTo?: string) => string;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** The server's codes and reasons are short words; anything else is not repeated. */
const CODE = /^\w{1,64}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Makes a session talk to `@deriv-auth/server` instead of holding tokens: the server keeps the
 * access and refresh tokens behind an `HttpOnly` cookie, and the browser asks it for a one-time
 * socket URL for every connection, reconnect and account switch.
 *
 * @remarks
 * Every call sends `credentials: 'include'`, has a deadline and honours aborts. A `401` or a
 * signed-out `session` answer becomes `DerivSessionError` `login_required` (the session stops and
 * shows it: send the user to {@link AuthServerBackend.loginUrl}, never retry). Other failures are
 * `DerivRestError`s with the server's code in `details.serverCode` (`rate_limited`,
 * `upstream_unavailable`, ...). No URL the server hands out is ever put in an error: it carries
 * the one-time password.
 *
 * @param options - where the routes are, `fetch`, deadline, abort.
 * @throws {DerivConnectionError} `invalid_setting` for a `timeoutMs` that is not a positive number.
 * @example
 * ```ts
 * const backend = createAuthServerBackend({ baseUrl: '/auth' });
 * const session = createDerivSession({ client: { appId: 1, endpoint: DEFAULT_PUBLIC_SOCKET_URL }, newApi: backend });
 * ```
 */
export function createAuthServerBackend(options: AuthServerBackendOptions = {}): AuthServerBackend {
  const base = (options.baseUrl ?? '/auth').replace(/\/+$/, '');
  const timeoutMs =
    options.timeoutMs === undefined
      ? DEFAULT_TIMEOUT_MS
      : checkTimeout('timeoutMs', options.timeoutMs);

  async function call(
    method: 'GET' | 'POST',
    route: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<{ status: number; body: unknown }> {
    // The fetch error itself is not kept: it may quote the request, and says nothing more.
    return fetchWithDeadline(
      options.fetch ?? globalThis.fetch,
      `${base}/${route}`,
      {
        method,
        credentials: 'include',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      { endpoint: `${method} ${base}/${route}`, timeoutMs, signals: [options.signal, signal] },
    );
  }

  /** The reply's body when it is a success; `login_required` for 401; a typed error otherwise. */
  function expectOk(reply: { status: number; body: unknown }, endpoint: string): unknown {
    const error = isObject(reply.body) && isObject(reply.body['error']) ? reply.body['error'] : {};
    const serverCode =
      typeof error['code'] === 'string' && CODE.test(error['code']) ? error['code'] : undefined;
    if (reply.status === 401)
      throw new DerivSessionError(
        'login_required',
        'The auth server has no session for this browser any more; sign in again.',
        { details: { endpoint, status: 401, ...(serverCode ? { serverCode } : {}) } },
      );
    if (reply.status >= 200 && reply.status <= 299) return reply.body;
    throw new DerivRestError(
      restErrorCodeFor(reply.status),
      `${endpoint} failed with ${reply.status}${serverCode ? ` ${serverCode}` : ''}.`,
      { details: { endpoint, status: reply.status, ...(serverCode ? { serverCode } : {}) } },
    );
  }

  const unreadable = (endpoint: string): DerivRestError =>
    new DerivRestError('unreadable_response', `${endpoint} answered with an unexpected body.`, {
      details: { endpoint },
    });

  async function readSession(signal?: AbortSignal): Promise<AuthServerSession> {
    const endpoint = `GET ${base}/session`;
    const body = expectOk(await call('GET', 'session', undefined, signal), endpoint);
    const session = readSessionBody(body);
    if (!session) throw unreadable(endpoint);
    return session;
  }

  return {
    readSession,
    async otpUrl(accountId, signal) {
      const endpoint = `POST ${base}/otp`;
      const body = expectOk(await call('POST', 'otp', { accountId }, signal), endpoint);
      const reply = isObject(body) ? body : {};
      const url = reply['url'];
      // Nothing of the body in the error: it holds the one-time URL.
      if (typeof url !== 'string' || !isOtpUrl(url) || reply['accountId'] !== accountId)
        throw unreadable(endpoint);
      return url;
    },
    async listAccounts(signal) {
      const session = await readSession(signal);
      if (!session.signedIn)
        throw new DerivSessionError(
          'login_required',
          `The auth server says the browser is signed out (${session.reason}); sign in again.`,
          { details: { endpoint: `GET ${base}/session`, reason: session.reason } },
        );
      return session.accounts.map((account) => ({
        account_id: account.id,
        balance: 0,
        currency: account.currency,
        group: '',
        status: account.status,
        account_type: account.type,
      }));
    },
    async logout(signal) {
      const endpoint = `POST ${base}/logout`;
      expectOk(await call('POST', 'logout', undefined, signal), endpoint);
    },
    loginUrl: (returnTo) =>
      `${base}/login${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`,
  };
}

/** The `session` route's body, checked field by field, or `undefined`. */
function readSessionBody(body: unknown): AuthServerSession | undefined {
  if (!isObject(body)) return undefined;
  if (body['signedIn'] === false) {
    const reason = body['reason'];
    return {
      signedIn: false,
      reason: typeof reason === 'string' && CODE.test(reason) ? reason : 'unknown',
    };
  }
  if (body['signedIn'] !== true || !Array.isArray(body['accounts'])) return undefined;
  const scopes = Array.isArray(body['scopes']) ? body['scopes'] : [];
  if (!scopes.every((scope) => typeof scope === 'string')) return undefined;
  const accounts: { id: string; currency: string; type: 'demo' | 'real'; status: string }[] = [];
  for (const item of body['accounts'] as unknown[]) {
    if (!isObject(item)) return undefined;
    const { id, currency, type, status } = item;
    if (typeof id !== 'string' || !ACCOUNT_ID.test(id) || typeof currency !== 'string')
      return undefined;
    if ((type !== 'demo' && type !== 'real') || typeof status !== 'string') return undefined;
    accounts.push({ id, currency, type, status });
  }
  return { signedIn: true, accounts, scopes };
}

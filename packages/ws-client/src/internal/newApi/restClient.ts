import { DEFAULT_REST_URL, redactSecrets, type NewApiAccount } from '@deriv-auth/core';
import { DerivRestError, restErrorCodeFor } from '../../derivRestError.js';
import { DerivSessionError } from '../../derivSessionError.js';
import type { AccessTokenSource } from '../../tokenSource.js';
import { checkTimeout } from '../timeoutLimits.js';
import { fetchWithDeadline } from './fetchWithDeadline.js';
import { readAccountList, readOtpUrl, readRestError } from './readRest.js';

/** What the New API REST client needs. */
export interface RestClientOptions {
  tokens: AccessTokenSource;
  restUrl?: string | undefined;
  fetch?: typeof fetch | undefined;
  timeoutMs?: number | undefined;
  /** Sent as `Deriv-App-ID` when set (Personal Access Tokens need it; OAuth tokens do not). */
  appId?: string | undefined;
}

/** The two REST calls a session needs. */
export interface RestClient {
  listAccounts: (signal?: AbortSignal) => Promise<NewApiAccount[]>;
  otpUrl: (accountId: string, signal?: AbortSignal) => Promise<string>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Longest server `message` kept in an error (server text is attacker text). */
const MAX_SERVER_MESSAGE = 200;

/**
 * Deriv's New API REST calls with the guarantees of a socket call: a deadline, the caller's
 * abort, a typed {@link DerivRestError}, responses checked with core's schemas, and no token or
 * OTP URL in any error. A 401 makes the token source refresh once and the call run once more; a
 * second 401 ends with `login_required`.
 */
export function createRestClient(options: RestClientOptions): RestClient {
  const base = (options.restUrl ?? DEFAULT_REST_URL).replace(/\/+$/, '');
  const timeoutMs =
    options.timeoutMs === undefined
      ? DEFAULT_TIMEOUT_MS
      : checkTimeout('newApi.restTimeoutMs', options.timeoutMs);

  async function once(
    method: string,
    path: string,
    token: string,
    signal: AbortSignal | undefined,
  ): Promise<{ status: number; body: unknown }> {
    const endpoint = `${method} ${path.replace(/\/accounts\/[^/]+\/otp$/, '/accounts/{accountId}/otp')}`;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (options.appId !== undefined) headers['deriv-app-id'] = options.appId;
    return fetchWithDeadline(
      options.fetch ?? globalThis.fetch,
      `${base}${path}`,
      { method, headers },
      {
        endpoint,
        timeoutMs,
        signals: [signal],
        // The cause keeps only a scrubbed message: fetch errors may quote the request.
        causeOf: (error) =>
          new Error(
            (error instanceof Error
              ? redactSecrets(error.message, { secrets: [token] })
              : ''
            ).slice(0, MAX_SERVER_MESSAGE),
          ),
      },
    );
  }

  async function call(method: string, path: string, signal?: AbortSignal): Promise<unknown> {
    let token = await options.tokens.getAccessToken();
    let reply = await once(method, path, token, signal);
    if (reply.status === 401) {
      // Once: a refreshed token refused again means the sign-in is gone.
      token = await options.tokens.refresh(token);
      reply = await once(method, path, token, signal);
      if (reply.status === 401)
        throw new DerivSessionError(
          'login_required',
          'The New API refused the refreshed access token; sign in again.',
          { cause: restError(reply, method, path, token) },
        );
    }
    if (reply.status < 200 || reply.status > 299) throw restError(reply, method, path, token);
    return reply.body;
  }

  return {
    listAccounts: async (signal) => {
      const path = '/trading/v1/options/accounts';
      const accounts = readAccountList(await call('GET', path, signal));
      if (!accounts) throw unreadable(`GET ${path}`);
      return accounts;
    },
    otpUrl: async (accountId, signal) => {
      const path = `/trading/v1/options/accounts/${encodeURIComponent(accountId)}/otp`;
      const url = readOtpUrl(await call('POST', path, signal));
      // Nothing of the body in the error: it could hold the URL.
      if (url === undefined) throw unreadable('POST /trading/v1/options/accounts/{accountId}/otp');
      return url;
    },
  };
}

function unreadable(endpoint: string): DerivRestError {
  return new DerivRestError(
    'unreadable_response',
    `${endpoint} answered with an unexpected body.`,
    {
      details: { endpoint },
    },
  );
}

/** Deriv's error envelope as a typed error: the status, Deriv's code, its message scrubbed. */
function restError(
  reply: { status: number; body: unknown },
  method: string,
  path: string,
  token: string,
): DerivRestError {
  const endpoint = `${method} ${path.replace(/\/accounts\/[^/]+\/otp$/, '/accounts/{accountId}/otp')}`;
  const first = readRestError(reply.body);
  const serverCode = first && /^\w{1,64}$/.test(first.code) ? first.code : undefined;
  const serverMessage =
    first === undefined
      ? ''
      : `: ${redactSecrets(first.message.slice(0, MAX_SERVER_MESSAGE), { secrets: [token] })}`;
  return new DerivRestError(
    restErrorCodeFor(reply.status),
    `${endpoint} failed with ${reply.status}${serverCode === undefined ? '' : ` ${serverCode}`}${serverMessage}.`,
    {
      details: {
        endpoint,
        status: reply.status,
        ...(serverCode === undefined ? {} : { serverCode }),
      },
    },
  );
}

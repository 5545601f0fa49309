import type { Authorize } from '@deriv-auth/core';
import type { HandshakeContext } from './connectionHandshake.js';
import { DerivConnectionError } from './derivConnectionError.js';
import { readAuthorize } from './internal/readAuthorize.js';

/**
 * The account details of a successful `authorize`, as the SDK hands them out: the fields Deriv
 * returns for every account are required here (`loginid`, `scopes`, `balance`, `currency`, which
 * is `''` for an account without one), the others stay optional as in Deriv's schema. The SDK
 * checks these fields on the reply and rejects with `invalid_response` when one is missing, so
 * the type does not promise more than was checked.
 *
 * @example
 * ```ts
 * const me: AuthorizeResult = await session.authorize();
 * console.log(me.loginid, me.balance, me.currency);
 * ```
 * @see https://developers.deriv.com/docs/websockets (authorize)
 */
export interface AuthorizeResult extends Authorize {
  /** The account the token acts as (`CR799393`). */
  loginid: string;
  /** The scopes granted to the token (`read`, `trade`, ...). */
  scopes: string[];
  /** The account's balance. */
  balance: number;
  /** The account's currency; `''` when none is set yet. */
  currency: string;
}

/**
 * What `authorize` takes: one token, or one plus up to 25 more for a multi-account session.
 *
 * @example
 * ```ts
 * const input: AuthorizeInput = { token: tokenOfCR, tokens: [tokenOfVRTC] };
 * ```
 * @see https://developers.deriv.com/docs/websockets (authorize)
 */
export interface AuthorizeInput {
  /** The token of the account to act as. */
  token: string;
  /** Tokens of further accounts to authorize on the same socket (at most 25). */
  tokens?: readonly string[] | undefined;
  /** Record this authorization in the user's login history. */
  addToLoginHistory?: boolean | undefined;
}

/**
 * Sends `authorize` through `send` and checks the reply's shape (the fields of core's
 * `AuthorizeResponseSchema` the SDK relies on; unknown fields pass).
 *
 * @param send - the handshake's (or client's) send function.
 * @param input - the token(s).
 * @returns the `authorize` object of the reply.
 * @throws {DerivApiError} when the server refuses (e.g. `InvalidToken`).
 * @throws {DerivConnectionError} `invalid_response` when the reply lacks an `authorize` object or
 *   one of the fields {@link AuthorizeResult} requires.
 * @example
 * ```ts
 * client.setHandshake({ run: ({ send }) => authorizeWithToken(send, { token }) });
 * ```
 * @see https://developers.deriv.com/docs/websockets (authorize)
 */
export async function authorizeWithToken(
  send: HandshakeContext['send'],
  input: string | AuthorizeInput,
): Promise<AuthorizeResult> {
  const { token, tokens, addToLoginHistory } =
    typeof input === 'string'
      ? { token: input, tokens: undefined, addToLoginHistory: undefined }
      : input;
  const request: Record<string, unknown> = { authorize: token };
  if (tokens && tokens.length > 0) request['tokens'] = [...tokens];
  if (addToLoginHistory !== undefined) request['add_to_login_history'] = addToLoginHistory ? 1 : 0;
  const reply = await send(request);
  const authorize = readAuthorize(reply);
  if (!authorize) {
    throw new DerivConnectionError(
      'invalid_response',
      'The `authorize` reply did not have the shape of its schema.',
    );
  }
  return authorize;
}

import type { AuthorizeResult } from './authorizeResult.js';
import { DerivConnectionError } from './derivConnectionError.js';
import { readAuthorize } from './internal/readAuthorize.js';
import type { DerivRequest, SendOptions } from './messageTypes.js';

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
 * @param send - the authorizer's (or the client's) send function.
 * @param input - the token(s).
 * @returns the `authorize` object of the reply.
 * @throws {DerivApiError} when the server refuses (e.g. `InvalidToken`).
 * @throws {DerivConnectionError} `invalid_response` when the reply lacks an `authorize` object or
 *   one of the fields {@link AuthorizeResult} requires.
 * @example
 * ```ts
 * const authorizer: Authorizer = {
 *   authorize: ({ account, send }) => authorizeWithToken(send, { token: account.token }),
 * };
 * ```
 * @see https://developers.deriv.com/docs/websockets (authorize)
 */
export async function authorizeWithToken(
  send: (request: DerivRequest, options?: SendOptions) => Promise<unknown>,
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

import { AuthorizeResponseSchema } from '@deriv-auth/core';
import type { Authorize } from '@deriv-auth/core';
import type { HandshakeContext } from './connectionHandshake.js';
import { DerivConnectionError } from './derivConnectionError.js';

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
  tokens?: readonly string[];
  /** Record this authorization in the user's login history. */
  addToLoginHistory?: boolean;
}

/**
 * Sends `authorize` through `send` and validates the reply with core's schema.
 *
 * @param send - the handshake's (or client's) send function.
 * @param input - the token(s).
 * @returns the `authorize` object of the reply.
 * @throws {DerivApiError} when the server refuses (e.g. `InvalidToken`).
 * @throws {DerivConnectionError} `invalid_response` when the reply lacks an `authorize` object.
 * @example
 * ```ts
 * client.setHandshake({ run: ({ send }) => authorizeWithToken(send, { token }) });
 * ```
 * @see https://developers.deriv.com/docs/websockets (authorize)
 */
export async function authorizeWithToken(
  send: HandshakeContext['send'],
  input: string | AuthorizeInput,
): Promise<Authorize> {
  const { token, tokens, addToLoginHistory } =
    typeof input === 'string'
      ? { token: input, tokens: undefined, addToLoginHistory: undefined }
      : input;
  const request: Record<string, unknown> = { authorize: token };
  if (tokens && tokens.length > 0) request['tokens'] = [...tokens];
  if (addToLoginHistory !== undefined) request['add_to_login_history'] = addToLoginHistory ? 1 : 0;
  const reply = await send(request);
  const parsed = AuthorizeResponseSchema.safeParse(reply);
  if (!parsed.success || !parsed.data.authorize) {
    throw new DerivConnectionError(
      'invalid_response',
      'The `authorize` reply did not match its schema.',
      { cause: parsed.success ? undefined : parsed.error },
    );
  }
  return parsed.data.authorize;
}

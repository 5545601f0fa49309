import type {
  CallNameOf,
  DerivResponseFor as GeneratedResponseFor,
  AuthorizeRequest,
  AuthorizeResponse,
  BalanceRequest,
  BalanceResponse,
  LogoutRequest,
  LogoutResponse,
  PingRequest,
  PingResponse,
  TimeRequest,
  TimeResponse,
  WebsiteStatusRequest,
  WebsiteStatusResponse,
} from '@deriv-auth/core';

/**
 * A request to the Deriv API: an object whose first key names the call (`{ ping: 1 }`). The client
 * sets `req_id` itself; any `req_id` you pass is replaced.
 *
 * @example
 * ```ts
 * const request: DerivRequest = { balance: 1, account: 'current' };
 * ```
 * @see https://developers.deriv.com/docs/websockets
 */
export type DerivRequest = object;

/**
 * The common shape of every reply: `msg_type`, the redacted `echo_req`, the `req_id` we sent, and
 * the call's own field.
 *
 * @example
 * ```ts
 * const reply: DerivResponse = await client.send({ residence_list: 1 });
 * console.log(reply.msg_type); // 'residence_list'
 * ```
 * @see https://developers.deriv.com/docs/websockets
 */
export interface DerivResponse {
  msg_type: string;
  echo_req?: Record<string, unknown>;
  req_id?: number;
  [field: string]: unknown;
}

/**
 * Requests and replies the client knows the types of; other calls get {@link DerivResponse}.
 *
 * @example
 * ```ts
 * type PingReply = DerivCallMap['ping']['response'];
 * ```
 * @see {@link DerivResponseFor}
 */
export interface DerivCallMap {
  authorize: { request: AuthorizeRequest; response: AuthorizeResponse };
  ping: { request: PingRequest; response: PingResponse };
  logout: { request: LogoutRequest; response: LogoutResponse };
  time: { request: TimeRequest; response: TimeResponse };
  balance: { request: BalanceRequest; response: BalanceResponse };
  website_status: { request: WebsiteStatusRequest; response: WebsiteStatusResponse };
}

/**
 * The reply types of every {@link DerivCallMap} call that `Request` names (`never` when none).
 *
 * @example
 * ```ts
 * type Reply = DerivKnownResponse<{ time: 1 }>; // the time reply
 * ```
 * @see {@link DerivResponseFor}
 */
export type DerivKnownResponse<Request> = {
  [Call in keyof DerivCallMap]: Request extends Record<Call, unknown>
    ? DerivCallMap[Call]['response']
    : never;
}[keyof DerivCallMap];

/**
 * The reply type of `Request`: the validated type when its call is in {@link DerivCallMap}, else
 * the reply type generated from Deriv's schemas for the call it names (core's `DerivCalls`), else
 * {@link DerivResponse}. Types only: nothing of it reaches the bundle.
 *
 * @example
 * ```ts
 * type Reply = DerivResponseFor<{ ping: 1 }>; // the ping reply
 * type History = DerivResponseFor<{ ticks_history: 'R_100'; end: 'latest' }>; // DerivApi.TicksHistoryResponse
 * ```
 * @see {@link DerivCallMap}
 */
export type DerivResponseFor<Request> = [DerivKnownResponse<Request>] extends [never]
  ? [CallNameOf<Request>] extends [never]
    ? DerivResponse
    : GeneratedResponseFor<CallNameOf<Request>>
  : DerivKnownResponse<Request>;

/**
 * Per-request options of `send`.
 *
 * @example
 * ```ts
 * await client.send({ time: 1 }, { signal: AbortSignal.timeout(2_000), timeoutMs: 5_000 });
 * ```
 * @see {@link DerivClient}
 */
export interface SendOptions {
  /** Rejects the request with `aborted` when it fires. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `requestTimeoutMs` for this request. */
  timeoutMs?: number | undefined;
}

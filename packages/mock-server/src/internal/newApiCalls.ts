/**
 * The calls of a New API socket. An OTP socket is already scoped to one account: no `authorize`,
 * no `logout`, no `loginid` in any request, and `balance` answers for that account only. The public
 * socket serves market data without any credential. Calls whose behaviour is the legacy one reuse
 * the legacy handlers (`ping`, `time`, `buy`, `forget`, `forget_all`).
 */
import { NEW_API_PUBLIC_SOCKET_CALLS, NEW_API_SOCKET_CALLS } from '@deriv-auth/core';
import { callHandlers, type CallContext, type CallOutcome } from './callHandlers.js';
import type { MockState, TokenRecord } from './mockState.js';
import type { NewApiAccount } from './newApiAccounts.js';
import { marketHandlers } from './newApiMarket.js';
import type { RateLimiter } from './rateLimiter.js';
import { findValidationError } from './requestFrame.js';
import { authorizationRequired, type DerivWireError, type Session } from './session.js';
import type { JsonSchema } from './validateRequest.js';

/** Calls Deriv documents for OTP sockets (core's list, from the reference). */
const OTP_CALLS: ReadonlySet<string> = new Set(NEW_API_SOCKET_CALLS);
/** Calls Deriv documents for the public socket, plus the housekeeping ones (`ping`, `forget*`). */
const PUBLIC_CALLS: ReadonlySet<string> = new Set([
  ...NEW_API_PUBLIC_SOCKET_CALLS,
  'ping',
  'forget',
  'forget_all',
]);

/** The mock's answer to `authorize` / `logout` on a New API socket (Deriv's docs only say "no"). */
const NOT_ON_THIS_SOCKET: Readonly<Record<string, DerivWireError>> = {
  authorize: {
    code: 'UnrecognisedRequest',
    message: 'authorize is not served here: a New API socket is authorized by its one-time URL.',
  },
  logout: {
    code: 'UnrecognisedRequest',
    message: 'logout is not served here: close the socket to sign out.',
  },
};

/** What one request brings to the router. */
export interface NewApiCallInput {
  readonly call: string;
  readonly request: Record<string, unknown>;
  readonly echoRequest: Record<string, unknown>;
  readonly schema: JsonSchema | undefined;
  readonly state: MockState;
  readonly session: Session;
  readonly rateLimiter: RateLimiter;
}

/** A New API socket: which endpoint, the account of an OTP socket, and its call router. */
export interface NewApiEndpoint {
  readonly kind: 'demo' | 'real' | 'public';
  readonly account: NewApiAccount | undefined;
  /** The session record an OTP socket starts authorized with (no token: the OTP was spent). */
  readonly record: TokenRecord | undefined;
  run(input: NewApiCallInput): CallOutcome;
}

/** `loginid` is not a request field on the New API: the schema-style refusal v3 gives an unknown field. */
const loginidRefused: DerivWireError = {
  code: 'InputValidationFailed',
  message: 'Input validation failed: loginid',
  details: { loginid: 'Properties not allowed: loginid.' },
};

/** `buy.parameters.underlying_symbol` checked against the legacy schema's `symbol`. */
function asLegacyBuy(request: Record<string, unknown>): Record<string, unknown> {
  const parameters = request['parameters'];
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters))
    return request;
  const { underlying_symbol: underlying, ...rest } = parameters as Record<string, unknown>;
  if (underlying === undefined) return request;
  return { ...request, parameters: { ...rest, symbol: underlying } };
}

function balanceOf(account: NewApiAccount): (context: CallContext) => CallOutcome {
  return ({ request, echoRequest, state, session }) => {
    const requested = request['account'];
    if (typeof requested === 'string' && !['current', 'all', account.accountId].includes(requested))
      return {
        error: {
          code: 'PermissionDenied',
          message: `This socket serves account ${account.accountId} only.`,
        },
      };
    const subscription =
      request['subscribe'] === 1
        ? session.addSubscription('balance', account.loginid, echoRequest, request['req_id'])
        : undefined;
    if (request['subscribe'] === 1 && subscription === undefined)
      return {
        error: { code: 'AlreadySubscribed', message: 'You are already subscribed to balance.' },
      };
    const body: Record<string, unknown> = {
      balance: {
        balance: state.getBalance(account.loginid),
        currency: account.currency,
        loginid: account.accountId,
        ...(subscription === undefined ? {} : { id: subscription.id }),
      },
      ...(subscription === undefined ? {} : { subscription: { id: subscription.id } }),
    };
    return subscription === undefined ? { body } : { body, subscription };
  };
}

/** Creates the endpoint of a New API socket: an OTP socket of `account`, or the public one. */
export function createNewApiEndpoint(
  kind: 'demo' | 'real' | 'public',
  account: NewApiAccount | undefined,
): NewApiEndpoint {
  const record: TokenRecord | undefined =
    account === undefined
      ? undefined
      : {
          token: '',
          userId: account.userId,
          loginid: account.loginid,
          appId: 0,
          scopes: [],
          revoked: false,
        };
  const served = account === undefined ? PUBLIC_CALLS : OTP_CALLS;
  const handlers: Record<string, ((context: CallContext) => CallOutcome) | undefined> = {
    ping: callHandlers['ping'],
    time: callHandlers['time'],
    forget: callHandlers['forget'],
    forget_all: callHandlers['forget_all'],
    ...marketHandlers,
    ...(account === undefined ? {} : { balance: balanceOf(account), buy: callHandlers['buy'] }),
  };
  return {
    kind,
    account,
    record,
    run(input) {
      const { call, request } = input;
      const refused = Object.hasOwn(NOT_ON_THIS_SOCKET, call)
        ? NOT_ON_THIS_SOCKET[call]
        : undefined;
      if (refused !== undefined) return { error: refused };
      if (Object.hasOwn(request, 'loginid')) return { error: loginidRefused };
      if (!served.has(call))
        return {
          error: OTP_CALLS.has(call)
            ? authorizationRequired
            : { code: 'UnrecognisedRequest', message: 'Unrecognised request.' },
        };
      const invalid = findValidationError(
        call === 'buy' ? asLegacyBuy(request) : request,
        input.schema,
      );
      if (invalid !== undefined) return { error: invalid };
      const limited = input.rateLimiter.take(call, Date.now());
      if (limited !== undefined) return { error: limited };
      const handler = Object.hasOwn(handlers, call) ? handlers[call] : undefined;
      if (handler === undefined)
        return {
          error: {
            code: 'UnrecognisedRequest',
            message: `The mock server does not implement ${call}.`,
          },
        };
      return handler({
        request,
        echoRequest: input.echoRequest,
        state: input.state,
        session: input.session,
        appId: 0,
        account: record,
      });
    },
  };
}

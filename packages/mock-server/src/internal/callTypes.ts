/**
 * The shapes every call handler shares, in a file of their own so handlers in other files
 * (tick streams, the New API's calls) and the table in callHandlers.ts import them one way.
 */
import type { MockState, TokenRecord } from './mockState.js';
import type { DerivWireError, Session, Subscription } from './session.js';

/** What a handler has to work with. */
export interface CallContext {
  readonly request: Readonly<Record<string, unknown>>;
  readonly echoRequest: Record<string, unknown>;
  readonly state: MockState;
  readonly session: Session;
  readonly appId: number;
  /** The account the call acts on (auth-required calls only). */
  readonly account: TokenRecord | undefined;
}

/** A handler's result: the body fields of the reply (beside echo_req/msg_type/req_id), or an error. */
export type CallOutcome =
  | { readonly body: Record<string, unknown>; readonly subscription?: Subscription }
  | { readonly error: DerivWireError };

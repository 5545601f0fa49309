/**
 * The calls of Deriv's New API sockets (opened from a one-time URL), derived from the legacy
 * {@link DerivCalls}. Types only, no runtime code.
 *
 * @packageDocumentation
 */
import type { DerivCalls } from './generated/derivApiTypes.js';

/**
 * The calls Deriv documents as served on a New API socket, minus `contracts_list`, which has no
 * official schema to type it from. From Deriv's New API documentation, "Calls served there".
 */
export type DerivNewApiCallName =
  | 'active_symbols'
  | 'balance'
  | 'buy'
  | 'cancel'
  | 'contract_update'
  | 'contract_update_history'
  | 'contracts_for'
  | 'forget'
  | 'forget_all'
  | 'ping'
  | 'portfolio'
  | 'profit_table'
  | 'proposal'
  | 'proposal_open_contract'
  | 'sell'
  | 'statement'
  | 'ticks'
  | 'ticks_history'
  | 'time'
  | 'trading_times'
  | 'transaction';

/**
 * Every call of Deriv's New API socket by name, in the shape of {@link DerivCalls}: pass it as the
 * `Calls` parameter of {@link DerivRequestFor}, {@link CallNameOf} and the other helpers.
 *
 * @remarks
 * Inferred, not generated: Deriv publishes no per-call schemas for the New API, so this map takes
 * the legacy schemas and applies the differences Deriv documents (reference section 3): only the
 * calls served there (no `authorize`, no `logout`), no `loginid` in any request, and
 * `underlying_symbol` instead of `symbol` on `proposal`. Replies keep their legacy types (the
 * documented `balance` reply is a subset of the legacy one). When Deriv publishes New API schemas,
 * generate this map from them instead.
 *
 * @example
 * ```ts
 * type Proposal = DerivRequestFor<'proposal', DerivNewApiCalls>; // has underlying_symbol, no symbol
 * ```
 */
export type DerivNewApiCalls = {
  [Name in DerivNewApiCallName]: {
    // No loginid (the socket is bound to one account); proposal's `symbol` is renamed with a
    // homomorphic mapped type, which keeps it required and keeps its TSDoc.
    request: {
      [
        Key in keyof DerivCalls[Name]['request'] as Key extends 'loginid'
          ? never
          : Name extends 'proposal'
            ? Key extends 'symbol'
              ? 'underlying_symbol'
              : Key
            : Key
      ]: DerivCalls[Name]['request'][Key];
    };
    response: DerivCalls[Name]['response'];
  };
};

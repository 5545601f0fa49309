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

/** Renames one key, keeping whether it is optional and its TSDoc (a homomorphic mapped type). */
type RenameKey<Type, From extends keyof Type, To extends string> = {
  [Key in keyof Type as Key extends From ? To : Key]: Type[Key];
};

/**
 * A legacy request as a New API socket takes it: no `loginid` (the socket is bound to one
 * account), and `proposal` names its market `underlying_symbol` instead of `symbol`.
 */
type NewApiRequest<Name extends DerivNewApiCallName> = Name extends 'proposal'
  ? RenameKey<Omit<DerivCalls['proposal']['request'], 'loginid'>, 'symbol', 'underlying_symbol'>
  : Omit<DerivCalls[Name]['request'], 'loginid'>;

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
    request: NewApiRequest<Name>;
    response: DerivCalls[Name]['response'];
  };
};

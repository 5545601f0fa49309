/**
 * The scopes a New API client may ask for, as Deriv lists them.
 *
 * @remarks
 * These are not the legacy scopes ({@link DerivScope}: `read`, `trade`, `trading_information`,
 * `payments`, `admin`) under new names: Deriv publishes no mapping between the two sets, so this
 * package offers none. `trade` exists in both with no documented equivalence.
 *
 * @see https://developers.deriv.com/docs/
 */
export type NewApiScope = 'trade' | 'payment' | 'account_manage' | 'application_read';

/**
 * Every {@link NewApiScope}, in the order Deriv lists them.
 *
 * @example
 * ```ts
 * buildAuthorizationUrl({ ...options, scopes: NEW_API_SCOPES })
 * ```
 */
export const NEW_API_SCOPES: readonly NewApiScope[] = [
  'trade',
  'payment',
  'account_manage',
  'application_read',
];

/**
 * Tells whether a value is one of the four {@link NewApiScope}s.
 *
 * @param value - Anything, e.g. one word of a token response's `scope`.
 * @returns `true` for a New API scope.
 * @example
 * ```ts
 * const granted = (tokens.scope ?? '').split(' ').filter(isNewApiScope)
 * ```
 */
export function isNewApiScope(value: unknown): value is NewApiScope {
  return (NEW_API_SCOPES as readonly unknown[]).includes(value);
}

/** The REST endpoints of the New API, as `METHOD path` (`{accountId}` stands for the account). */
export type NewApiRestEndpoint =
  | 'GET /trading/v1/options/accounts'
  | 'POST /trading/v1/options/accounts'
  | 'POST /trading/v1/options/accounts/{accountId}/otp';

/**
 * The scope each New API REST endpoint needs (a valid token without it gets 403 `AccessDenied`).
 *
 * @remarks
 * Only the endpoints Deriv documents with their scope. Sockets opened from an OTP URL need no
 * scope of their own: getting the URL (`.../otp`) needs `trade`, and the socket is then scoped
 * to that one account. Which calls on that socket need `payment` or `application_read` is not
 * documented; this package does not guess.
 *
 * @example
 * ```ts
 * NEW_API_ENDPOINT_SCOPES['POST /trading/v1/options/accounts/{accountId}/otp'] // 'trade'
 * ```
 */
export const NEW_API_ENDPOINT_SCOPES: Readonly<Record<NewApiRestEndpoint, NewApiScope>> = {
  'GET /trading/v1/options/accounts': 'trade',
  'POST /trading/v1/options/accounts': 'account_manage',
  'POST /trading/v1/options/accounts/{accountId}/otp': 'trade',
};

/**
 * The calls an account socket (`/trading/v1/options/ws/demo|real?otp=`) serves, as Deriv lists them.
 *
 * @remarks
 * Same JSON envelope as the v3 API, but no `authorize` and no `logout` (the OTP URL authorizes
 * the socket, logout is local), no `loginid` in any request, and `proposal` takes
 * `underlying_symbol`. `balance` answers for the connected account only.
 *
 * @example
 * ```ts
 * if (!NEW_API_SOCKET_CALLS.includes(call)) throw new Error(`${call} is not served by the New API`)
 * ```
 */
export const NEW_API_SOCKET_CALLS: readonly string[] = [
  'active_symbols',
  'balance',
  'buy',
  'cancel',
  'contract_update',
  'contract_update_history',
  'contracts_for',
  'contracts_list',
  'forget',
  'forget_all',
  'ping',
  'portfolio',
  'profit_table',
  'proposal',
  'proposal_open_contract',
  'sell',
  'statement',
  'ticks',
  'ticks_history',
  'time',
  'trading_times',
  'transaction',
];

/**
 * The calls of the public socket (`/trading/v1/options/ws/public`), opened without credentials.
 *
 * @example
 * ```ts
 * NEW_API_PUBLIC_SOCKET_CALLS.includes('ticks') // true
 * ```
 */
export const NEW_API_PUBLIC_SOCKET_CALLS: readonly string[] = [
  'ticks',
  'active_symbols',
  'proposal',
  'time',
  'trading_times',
];

/**
 * Legacy calls the New API sockets refuse: the OTP URL replaces `authorize`, logout is local.
 *
 * @example
 * ```ts
 * NEW_API_REMOVED_CALLS.includes('authorize') // true
 * ```
 */
export const NEW_API_REMOVED_CALLS: readonly string[] = ['authorize', 'logout'];

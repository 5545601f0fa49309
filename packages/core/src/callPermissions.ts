import { CALL_REQUIREMENTS } from './generated/callRequirements.js';

// Which call a request makes and whether a token may make it, from the generated call table.

/**
 * Names the Deriv call a request message makes: the first own key that is a known call name.
 *
 * @remarks
 * Deriv puts the call name first by convention, but `landing_company` is both a call and a
 * parameter of six others (`active_symbols`, `contracts_for`, ...), so a request holding several
 * call names resolves to the one that is not merely a parameter.
 *
 * @param request - A request message, e.g. `{ balance: 1, account: 'all' }`.
 * @returns The call name (`'balance'`), or `undefined` when no key names a known call.
 * @example
 * ```ts
 * getCallName({ ticks: 'R_50', subscribe: 1 }) // 'ticks'
 * ```
 */
export function getCallName(request: object): string | undefined {
  if (typeof (request as unknown) !== 'object' || (request as unknown) === null) return undefined;
  // One pass, no intermediate arrays: this runs for every request a client sends.
  let parameterLike: string | undefined;
  for (const key of Object.keys(request)) {
    if (!Object.hasOwn(CALL_REQUIREMENTS, key)) continue;
    if (key !== 'landing_company') return key;
    parameterLike = key;
  }
  return parameterLike;
}

/**
 * Tells whether a token with the granted scopes may make a call.
 *
 * @remarks
 * Calls that need no auth are always allowed. Unknown calls are allowed too (the server is the
 * final judge and answers `PermissionDenied`); this check exists to fail fast on known calls.
 *
 * @param call - Call name, e.g. from {@link getCallName}.
 * @param granted - Scopes of the token, e.g. `authorize.scopes`.
 * @returns `true` when no auth is needed, the call is unknown, or any granted scope satisfies it.
 * @example
 * ```ts
 * isCallAllowed('buy', ['read']) // false: buy needs 'trade'
 * ```
 */
export function isCallAllowed(call: string, granted: readonly string[]): boolean {
  const requirement = Object.hasOwn(CALL_REQUIREMENTS, call) ? CALL_REQUIREMENTS[call] : undefined;
  if (!requirement?.authRequired) return true;
  return requirement.scopes.some((scope) => granted.includes(scope));
}

/**
 * Tells whether a call needs an authorized connection.
 *
 * @param call - Call name.
 * @returns `true` when `authorize` must come first; `false` for public and unknown calls.
 * @example
 * ```ts
 * isAuthRequired('ping') // false
 * ```
 */
export function isAuthRequired(call: string): boolean {
  return Object.hasOwn(CALL_REQUIREMENTS, call) && CALL_REQUIREMENTS[call]?.authRequired === true;
}

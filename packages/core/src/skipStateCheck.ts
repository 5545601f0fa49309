/**
 * Pass as `expectedState` to accept a callback without checking its `state`.
 *
 * @remarks
 * The state check defends the login against cross-site request forgery (RFC 6749 §10.12), so
 * skipping it must be a visible decision: `expectedState` is required, and only this symbol turns
 * the check off (an `undefined` read from lost storage is refused instead). Use it only when the
 * state is checked elsewhere, e.g. by a server that owns the login. `Symbol.for`, so two installed
 * copies of this package agree on it.
 *
 * @example
 * ```ts
 * parseAuthorizationCallback(request.url, { expectedState: skipStateCheck })
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export const skipStateCheck: unique symbol = Symbol.for('@deriv-auth/skipStateCheck');

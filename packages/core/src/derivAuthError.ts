/**
 * Marker shared by every copy of this package that may be installed side by side, so the guards
 * below still recognise an error thrown by another copy (where `instanceof` would fail).
 */
const errorMarker = Symbol.for('@deriv-auth/error');

/**
 * Options accepted by every SDK error constructor.
 */
export interface DerivAuthErrorOptions {
  /** The underlying failure, if any (walked by debuggers and `console.error`). */
  cause?: unknown;
  /** Structured, token-free facts about the failure (parameter name, index, ...). */
  details?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Base class of every error the `@deriv-auth/*` packages throw or reject with.
 *
 * @remarks
 * Each subclass has a fixed `name` and a stable string `code` from a const array exported beside
 * it (`OAUTH_REDIRECT_ERROR_CODES`, `LOGIN_URL_ERROR_CODES`, ...), while `message` is for humans.
 * The class is abstract: only those typed classes create errors, so every code a program can
 * meet is listed in one of them. Messages and details never contain a token.
 *
 * @example
 * ```ts
 * try {
 *   parseOAuthRedirect(location.href, { expectedState })
 * } catch (error) {
 *   if (isDerivAuthError(error)) console.warn(error.code)
 * }
 * ```
 */
export abstract class DerivAuthError<Code extends string = string> extends Error {
  override name: string = 'DerivAuthError';
  /** Stable machine-readable code. */
  declare readonly code: Code;
  /** Structured, token-free facts about the failure. */
  declare readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: Code, message: string, options: DerivAuthErrorOptions = {}) {
    // `Error` sets `cause` only when the options carry one, so they can be passed as they are.
    super(message, options);
    // Every option becomes a field: `details` and a subclass's own. `cause`, already set by `Error`
    // as a non-enumerable property, stays non-enumerable (assigning keeps a property's attributes).
    Object.assign(this, { code }, options, { [errorMarker]: true });
  }
}

/**
 * Tells whether a value is an error thrown by any `@deriv-auth/*` package, even one loaded from a
 * second installed copy.
 *
 * @param value - Anything caught.
 * @returns `true` when `value` is a {@link DerivAuthError}.
 * @example
 * ```ts
 * if (isDerivAuthError(error)) report(error.code)
 * ```
 */
export function isDerivAuthError(value: unknown): value is DerivAuthError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[errorMarker] === true
  );
}

import { DerivAuthError, isDerivAuthError } from '@deriv-auth/core';

/**
 * Every reason the React bindings throw.
 *
 * - `missing_provider`: a hook that reads the session ran outside {@link DerivProvider}.
 */
export const DERIV_REACT_ERROR_CODES = ['missing_provider'] as const;

/** One of {@link DERIV_REACT_ERROR_CODES}. */
export type DerivReactErrorCode = (typeof DERIV_REACT_ERROR_CODES)[number];

/**
 * A mistake in how the React bindings are used (a hook outside its provider), thrown during
 * render so the nearest error boundary shows it. Login failures are never thrown by a hook: they
 * are `@deriv-auth/login`'s `DerivLoginError` in {@link useOAuthCallback}'s state.
 */
export class DerivReactError extends DerivAuthError<DerivReactErrorCode> {
  override name = 'DerivReactError';
}

/**
 * Tells whether a value is a {@link DerivReactError}, also one thrown by another installed copy.
 *
 * @param value - Anything caught.
 */
export function isDerivReactError(value: unknown): value is DerivReactError {
  return isDerivAuthError(value) && value.name === 'DerivReactError';
}

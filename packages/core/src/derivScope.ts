// Types and the scope list only, no call data: the generated call table imports its types from
// here, and callPermissions.ts imports that table, so the imports run one way (no cycle).

/**
 * The five token scopes of the Deriv API.
 *
 * @see https://developers.deriv.com/docs/api-authentication
 */
export type DerivScope = 'read' | 'trade' | 'trading_information' | 'payments' | 'admin';

/**
 * Every {@link DerivScope}, in the order Deriv lists them.
 *
 * @example
 * ```ts
 * const notGranted = DERIV_SCOPES.filter((scope) => !authorize.scopes?.includes(scope))
 * ```
 */
export const DERIV_SCOPES: readonly DerivScope[] = [
  'read',
  'trade',
  'trading_information',
  'payments',
  'admin',
];

/** What one call needs: authorization first, and any one of `scopes` (empty when no auth). */
export interface CallRequirement {
  /** The connection must be authorized (`authorize`) before this call. */
  readonly authRequired: boolean;
  /** Any one of these scopes allows the call. */
  readonly scopes: readonly DerivScope[];
}

/**
 * Tells whether a string is one of the five {@link DerivScope}s.
 *
 * @param value - Anything, e.g. one entry of `authorize.scopes`.
 * @returns `true` for a known scope.
 * @example
 * ```ts
 * const scopes = response.authorize?.scopes?.filter(isDerivScope) ?? []
 * ```
 */
export function isDerivScope(value: unknown): value is DerivScope {
  return (DERIV_SCOPES as readonly unknown[]).includes(value);
}

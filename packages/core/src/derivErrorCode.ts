/**
 * Error codes the Deriv API is known to send in `error.code`.
 *
 * @remarks
 * `InvalidToken`: the token is wrong, revoked, or (for OAuth tokens) issued to another app id.
 * `AuthorizationRequired`: the call needs `authorize` first. `PermissionDenied`: the token lacks
 * the scope. `RateLimit`: back off, never retry at once. `InvalidAppID`: the server then closes
 * the socket.
 *
 * @example
 * ```ts
 * const known: readonly string[] = KNOWN_DERIV_ERROR_CODES
 * if (!known.includes(error.code)) reportNewCode(error.code)
 * ```
 * @see https://developers.deriv.com/docs/error-codes
 */
export const KNOWN_DERIV_ERROR_CODES = [
  'InvalidToken',
  'AuthorizationRequired',
  'PermissionDenied',
  'InputValidationFailed',
  'RateLimit',
  'InvalidAppID',
  'AlreadySubscribed',
  'UnrecognisedRequest',
  'OutputValidationFailed',
  'WrongResponse',
  'InternalServerError',
  'ServiceUnavailable',
  'InvalidLoginid',
  'DisabledClient',
  'SelfExclusion',
  'AccountDisabled',
] as const;

/**
 * A code of a Deriv server error: one of {@link KNOWN_DERIV_ERROR_CODES}, with room for the codes
 * Deriv adds (the server is not ours, so the union stays open while editors still complete the
 * known ones).
 *
 * @example
 * ```ts
 * if (isDerivApiError(error) && error.code === 'InvalidToken') signOut()
 * ```
 */
export type DerivErrorCode = (typeof KNOWN_DERIV_ERROR_CODES)[number] | (string & {});

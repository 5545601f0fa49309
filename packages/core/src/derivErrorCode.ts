/**
 * Error codes the Deriv API is known to send in `error.code`, with room for codes not listed.
 *
 * @remarks
 * `InvalidToken`: the token is wrong, revoked, or (for OAuth tokens) issued to another app id.
 * `AuthorizationRequired`: the call needs `authorize` first. `PermissionDenied`: the token lacks
 * the scope. `RateLimit`: back off, never retry at once. `InvalidAppID`: the server then closes
 * the socket.
 *
 * @example
 * ```ts
 * if (error.code === 'InvalidToken') signOut()
 * ```
 * @see https://developers.deriv.com/docs/error-codes
 */
export type DerivErrorCode =
  | 'InvalidToken'
  | 'AuthorizationRequired'
  | 'PermissionDenied'
  | 'InputValidationFailed'
  | 'RateLimit'
  | 'InvalidAppID'
  | 'AlreadySubscribed'
  | 'UnrecognisedRequest'
  | 'OutputValidationFailed'
  | 'WrongResponse'
  | 'InternalServerError'
  | 'ServiceUnavailable'
  | 'InvalidLoginid'
  | 'DisabledClient'
  | 'SelfExclusion'
  | 'AccountDisabled'
  | (string & {});

/**
 * The codes of {@link DerivErrorCode} that are named explicitly.
 *
 * @example
 * ```ts
 * KNOWN_DERIV_ERROR_CODES.includes(error.code)
 * ```
 */
export const KNOWN_DERIV_ERROR_CODES: readonly DerivErrorCode[] = [
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
];

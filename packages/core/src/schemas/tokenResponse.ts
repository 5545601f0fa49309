import * as z from 'zod/mini';
import { matching, optString } from './shared.js';

// RFC 6749 Appendix A.12-A.17: tokens are 1*VSCHAR (%x20-7E). Deriv's (Ory's) look like `ory_at_...`,
// but the format is not documented, so only the RFC's rule is checked.
const VISIBLE_TEXT = /^[ -~]+$/;

/**
 * A successful token response (RFC 6749 §5.1), from the code exchange or a refresh.
 *
 * @remarks
 * Lenient, as every response here: unknown fields pass. `token_type` is compared without regard
 * to case (RFC 6749 §5.1; Deriv sends `bearer`) and normalised to `'bearer'`. `expires_in` is
 * optional (the RFC recommends it; Deriv's lifetimes are not documented), so a missing one means
 * "unknown", to be handled by the caller's configured default. `refresh_token` is optional: Deriv
 * may omit it, and a refresh that omits it keeps the previous one (Deriv's reference app). Never
 * log the parsed value: it holds the tokens.
 *
 * @example
 * ```ts
 * const tokens = TokenResponseSchema.parse(await response.json())
 * const expiresAt = tokens.expires_in === undefined ? undefined : now() + tokens.expires_in * 1000
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export const TokenResponseSchema = z.looseObject({
  access_token: matching(VISIBLE_TEXT, 'Expected an access token'),
  token_type: z.pipe(
    matching(/^bearer$/i, 'Expected token_type bearer'),
    z.transform((): 'bearer' => 'bearer'),
  ),
  expires_in: z.optional(
    z.number().check(z.refine((seconds) => seconds > 0 && seconds < Infinity, 'Expected seconds')),
  ),
  refresh_token: z.optional(matching(VISIBLE_TEXT, 'Expected a refresh token')),
  scope: optString,
});

/** A parsed token response (`token_type` normalised to `'bearer'`). A secret: never log it. */
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/**
 * The `error` codes of RFC 6749 §5.2, with room for others. Deriv answers `invalid_grant` when the
 * verifier does not match the challenge or the code expired or was used.
 */
export type TokenErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | (string & {});

/**
 * A token endpoint error (RFC 6749 §5.2): `{ error, error_description?, error_uri? }`.
 *
 * @remarks
 * `error_description` is the server's text for developers: keep it out of user interfaces.
 *
 * @example
 * ```ts
 * const failed = TokenErrorResponseSchema.safeParse(body)
 * if (failed.success && failed.data.error === 'invalid_grant') restartLogin()
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export const TokenErrorResponseSchema = z.looseObject({
  error: z.string().check(z.minLength(1)),
  error_description: optString,
  error_uri: optString,
});

/** A parsed token error response. */
export type TokenErrorResponse = z.infer<typeof TokenErrorResponseSchema>;

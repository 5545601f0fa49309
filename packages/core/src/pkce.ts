import { calculatePKCECodeChallenge } from 'oauth4webapi';
import { createOAuthState } from './createOAuthState.js';
import { LoginUrlError } from './loginUrlError.js';

/**
 * What a PKCE code verifier may hold: 43 to 128 characters of RFC 7636's unreserved set
 * (`A-Z a-z 0-9 - . _ ~`).
 *
 * @example
 * ```ts
 * CODE_VERIFIER_PATTERN.test(sessionStorage.getItem('deriv-verifier') ?? '')
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export const CODE_VERIFIER_PATTERN = /^[A-Za-z\d\-._~]{43,128}$/;

/**
 * Creates a PKCE code verifier: 43 base64url characters (32 random bytes, 256 bits).
 *
 * @remarks
 * RFC 7636 §4.1 recommends exactly this: 32 octets from a secure random source, base64url
 * encoded. The randomness is injected, as for {@link createOAuthState} (a verifier is built the
 * same way): pass `bytes => crypto.getRandomValues(bytes)`. The verifier is a secret until the
 * code exchange: keep it for this tab only, never in a URL or a log.
 *
 * @param randomSource - Fills the given array with cryptographically secure random bytes and returns it.
 * @returns A verifier that {@link createCodeChallenge} accepts.
 * @throws {@link LoginUrlError} `invalid_random_source` when the source returns fewer bytes than requested.
 * @example
 * ```ts
 * const verifier = createCodeVerifier((bytes) => crypto.getRandomValues(bytes))
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function createCodeVerifier(
  randomSource: (bytes: Uint8Array<ArrayBuffer>) => ArrayBufferView,
): string {
  return createOAuthState(randomSource);
}

/**
 * Throws unless a value is a valid PKCE code verifier (see {@link CODE_VERIFIER_PATTERN}).
 *
 * @param verifier - A verifier, e.g. read back from storage.
 * @throws {@link LoginUrlError} `invalid_code_verifier`; the message never contains the value.
 * @example
 * ```ts
 * assertCodeVerifier(sessionStorage.getItem('deriv-verifier'))
 * ```
 */
export function assertCodeVerifier(verifier: unknown): asserts verifier is string {
  if (typeof verifier !== 'string' || !CODE_VERIFIER_PATTERN.test(verifier))
    throw new LoginUrlError(
      'invalid_code_verifier',
      'codeVerifier: expected 43 to 128 characters of A-Z a-z 0-9 - . _ ~',
    );
}

/**
 * Computes the S256 code challenge of a verifier: BASE64URL(SHA-256(verifier)).
 *
 * @remarks
 * The digest is oauth4webapi's `calculatePKCECodeChallenge`, which uses Web Crypto
 * (`crypto.subtle`): the one global this package reads. Browsers expose `crypto.subtle` only in
 * secure contexts (https, or http on localhost), Node from version 20. The verifier is validated
 * first, because oauth4webapi accepts any non-empty string and Deriv would only refuse a bad one
 * at the code exchange, after the user has signed in.
 *
 * @param verifier - From {@link createCodeVerifier}.
 * @returns 43 base64url characters, for `codeChallenge` of {@link buildAuthorizationUrl}.
 * @throws {@link LoginUrlError} (as a rejected promise) `invalid_code_verifier` for a bad verifier,
 * `crypto_unavailable` when `crypto.subtle` is missing (an insecure browser context).
 * @example
 * ```ts
 * const codeChallenge = await createCodeChallenge(verifier)
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function createCodeChallenge(verifier: string): Promise<string> {
  assertCodeVerifier(verifier);
  // Read at call time, never at import: a missing `crypto.subtle` is a typed error, not a TypeError.
  const webCrypto = (globalThis as { crypto?: { subtle?: { digest?: unknown } } }).crypto;
  if (typeof webCrypto?.subtle?.digest !== 'function')
    throw new LoginUrlError(
      'crypto_unavailable',
      'crypto.subtle: expected Web Crypto (browsers: https or localhost only; Node 20+)',
    );
  return calculatePKCECodeChallenge(verifier);
}

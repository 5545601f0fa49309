import { LoginUrlError } from './loginUrlError.js';

/** Bytes of randomness in a state: 32 bytes = 256 bits, twice what RFC 6749 §10.10 asks for. */
const STATE_BYTES = 32;

/**
 * Creates a one-time, URL-safe `state` value to send with the login URL and check on the redirect.
 *
 * @remarks
 * The randomness is injected so this function touches no global: pass
 * `bytes => crypto.getRandomValues(bytes)` in browsers and Node 20+. Store the value (e.g. in
 * `sessionStorage`), pass it to {@link buildOAuthUrl}, then as `expectedState` to
 * {@link parseOAuthRedirect}, and delete it after one use.
 *
 * @param randomSource - Fills the given array with cryptographically secure random bytes and returns it.
 * Typed to take `crypto.getRandomValues` as it is declared in TypeScript 5.9 (returns its argument's
 * type) and 7 (returns `ArrayBufferView<ArrayBuffer>`); at run time the result must be a
 * `Uint8Array` of at least 32 bytes.
 * @returns 43 base64url characters (256 bits).
 * @throws {@link LoginUrlError} `invalid_random_source` when the source returns fewer bytes than requested.
 * @example
 * ```ts
 * const state = createOAuthState((bytes) => crypto.getRandomValues(bytes))
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export function createOAuthState(
  randomSource: (bytes: Uint8Array<ArrayBuffer>) => ArrayBufferView,
): string {
  const bytes = randomSource(new Uint8Array(STATE_BYTES));
  if (!(bytes instanceof Uint8Array) || bytes.length < STATE_BYTES)
    throw new LoginUrlError(
      'invalid_random_source',
      `randomSource must return ${STATE_BYTES} bytes`,
    );
  return btoa(String.fromCharCode(...bytes.subarray(0, STATE_BYTES)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=/g, '');
}

// Zod-free on purpose: the redirect parser imports these, and must not pull zod into a bundle.

/**
 * Deriv's token pattern (`authorize` request schema), shared by the redirect parser and
 * `TokenSchema`.
 *
 * @example
 * ```ts
 * TOKEN_PATTERN.test('a1-abcdefghijklmnop') // true
 * ```
 * @see https://developers.deriv.com/docs/api-explorer#authorize
 */
export const TOKEN_PATTERN = /^[\w-]{1,128}$/;

/**
 * Deriv's login id pattern (`logout` request schema), shared by the redirect parser and
 * `LoginIdSchema`.
 *
 * @example
 * ```ts
 * LOGIN_ID_PATTERN.test('CR799393') // true
 * ```
 * @see https://developers.deriv.com/docs/api-explorer#logout
 */
export const LOGIN_ID_PATTERN = /^[A-Za-z]+[0-9]+$/;

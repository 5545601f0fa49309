import type { AuthorizeResult } from '../authorizeResult.js';

const isStringArray = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the `authorize` object of a reply, checking the fields {@link AuthorizeResult} promises
 * (`loginid`, `scopes`, `balance`, `currency`) and the SDK reads (`account_list`), and letting
 * unknown fields pass, as core's `AuthorizeResponseSchema` does. A hand-written check instead of the zod schema keeps zod (about 6 KB gzip) out of the
 * browser bundle; `readAuthorize.test.ts` proves it accepts everything the schema accepts.
 *
 * @returns the `authorize` object, or `undefined` when the reply does not have that shape.
 */
export function readAuthorize(reply: unknown): AuthorizeResult | undefined {
  if (!isObject(reply) || !isObject(reply['authorize'])) return undefined;
  const authorize = reply['authorize'];
  const { loginid, scopes, balance, currency, account_list: accountList } = authorize;
  if (typeof loginid !== 'string' || !isStringArray(scopes)) return undefined;
  if (typeof balance !== 'number' || typeof currency !== 'string') return undefined;
  if (accountList !== undefined && !(Array.isArray(accountList) && accountList.every(isObject)))
    return undefined;
  return authorize as AuthorizeResult;
}

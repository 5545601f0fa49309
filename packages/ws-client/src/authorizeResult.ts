import type { Authorize } from '@deriv-auth/core';

/**
 * The account details of a successful `authorize`, as the SDK hands them out: the fields Deriv
 * returns for every account are required here (`loginid`, `scopes`, `balance`, `currency`, which
 * is `''` for an account without one), the others stay optional as in Deriv's schema. The SDK
 * checks these fields on the reply and rejects with `invalid_response` when one is missing, so
 * the type does not promise more than was checked.
 *
 * @example
 * ```ts
 * const me: AuthorizeResult = await session.authorize();
 * console.log(me.loginid, me.balance, me.currency);
 * ```
 * @see https://developers.deriv.com/docs/websockets (authorize)
 */
export interface AuthorizeResult extends Authorize {
  /** The account the token acts as (`CR799393`). */
  loginid: string;
  /** The scopes granted to the token (`read`, `trade`, ...). */
  scopes: string[];
  /** The account's balance. */
  balance: number;
  /** The account's currency; `''` when none is set yet. */
  currency: string;
}

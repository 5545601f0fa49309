import type { CompleteLoginOptions, CompleteLoginResult } from '../completeLogin.js';
import type { NewApiLoginInternals } from '../newApiLogin.js';
import { pickListedAccount } from './pickAccount.js';

/** New API: exchanges the code, signs the token source in, loads the list, authorizes the choice. */
export async function completeNewApi(
  login: Pick<NewApiLoginInternals, 'exchange' | 'signIn'>,
  options: CompleteLoginOptions,
  callback: { code: string; state: string },
  codeVerifier: string,
  returnTo: string | undefined,
): Promise<CompleteLoginResult> {
  login.signIn(await login.exchange(callback, codeVerifier));
  // The accounts of an earlier login must not survive this one: the REST list replaces them.
  options.session.setAccounts([]);
  let authorize = await options.session.authorize();
  const choice = options.account ?? 'first';
  if (choice !== 'first') {
    const account = pickListedAccount(authorize.account_list ?? [], choice);
    if (account !== authorize.loginid) authorize = await options.session.authorize(account);
  }
  return { handled: true, account: authorize.loginid, authorize, returnTo };
}
